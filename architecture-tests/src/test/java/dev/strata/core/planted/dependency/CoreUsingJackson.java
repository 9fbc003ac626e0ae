package dev.strata.core.planted.dependency;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A planted violation: core using a framework. */
public class CoreUsingJackson {

    public ObjectMapper mapper() {
        return new ObjectMapper();
    }
}
