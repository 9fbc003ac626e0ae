package dev.strata.core.plantedcyclea;

import dev.strata.core.plantedcycleb.FeatureB;

/** Half of a planted cycle between two feature packages. */
public class FeatureA {

    public FeatureB other() {
        return new FeatureB();
    }
}
