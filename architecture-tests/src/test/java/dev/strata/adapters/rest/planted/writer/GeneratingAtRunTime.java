package dev.strata.adapters.rest.planted.writer;

import dev.strata.adapters.rest.docs.ApiDocument;
import java.util.List;

/** A planted violation: a class of the REST adapter generating the document at run time. */
public class GeneratingAtRunTime {

    public Object document() {
        return ApiDocument.generate(List.of());
    }
}
