package dev.strata.core.plantedcycleb;

import dev.strata.core.plantedcyclea.FeatureA;

/** The other half of a planted cycle between two feature packages. */
public class FeatureB {

    public FeatureA other() {
        return new FeatureA();
    }
}
