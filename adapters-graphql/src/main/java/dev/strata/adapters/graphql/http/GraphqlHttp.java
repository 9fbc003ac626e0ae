package dev.strata.adapters.graphql.http;

import dev.strata.adapters.graphql.StrataGraphql;
import dev.strata.core.identity.IdentityService;
import java.util.List;

/**
 * The Jakarta REST components that serve a {@link StrataGraphql} at {@code /graphql}: register
 * each of them in the host application (Strata's app adds them to the REST API's Jersey
 * application, so that its request id, access log, body limit, metrics and rate limits apply).
 */
public final class GraphqlHttp {

    private GraphqlHttp() {
    }

    /**
     * The endpoint and the filter that authenticates its requests.
     *
     * @param graphql  the API to serve
     * @param identity what verifies bearer tokens
     * @return the components to register
     */
    public static List<Object> components(StrataGraphql graphql, IdentityService identity) {
        return List.of(new GraphqlResource(graphql), new GraphqlAuthenticationFilter(identity));
    }
}
