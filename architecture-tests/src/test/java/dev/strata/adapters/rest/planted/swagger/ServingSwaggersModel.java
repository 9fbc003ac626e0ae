package dev.strata.adapters.rest.planted.swagger;

import io.swagger.v3.oas.models.OpenAPI;

/** A planted violation: a class of the REST adapter building swagger's model at run time. */
public class ServingSwaggersModel {

    public Object document() {
        return new OpenAPI();
    }
}
