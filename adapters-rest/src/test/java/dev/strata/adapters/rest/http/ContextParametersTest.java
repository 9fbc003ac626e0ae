package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resources' {@code @Context} parameters come straight from the request being served
 * ({@link ContextParameters}), with the values Jersey's own injection gives them, and every other
 * {@code @Context} type is still Jersey's.
 */
class ContextParametersTest {

    @RegisterExtension
    static final TestApi api = new TestApi(builder -> builder.extension(new Probe()));

    private final Accounts.SignedIn ada = Accounts.signUpAndIn(api.http);

    @Test
    void theRequestsOwnObjectsAreHandedToTheResource() {
        // The probe is this test's own resource, no part of the API or its document.
        HttpResult seen = HttpDriver.outsideTheApi(api.server.uri()).get("/probe/context?q=1").bearer(ada.token()).header("X-Probe", "yes").send();

        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.body().lines().toList()).containsExactly(
                // Request, HttpHeaders and ContainerRequestContext are the request itself: no proxy.
                "request is the request: true",
                "headers are the request: true",
                "context is the request: true",
                "header X-Probe: yes",
                "path: probe/context, query q: 1",
                // The security context is the very one the authentication filter set, not Jersey's
                // delegate to it: the caller.
                "security context is the filter's: true",
                "caller: " + ada.id() + ", scheme: Bearer, secure: false",
                "providers: present");
    }

    @Test
    void onlyContextParametersOfTheRequestsTypesAreAnswered() {
        ContextParameters parameters = new ContextParameters();
        List<org.glassfish.jersey.server.model.Parameter> probe = org.glassfish.jersey.server.model.Parameter.create(
                Probe.class, Probe.class, probeMethod(), false);

        assertThat(probe).hasSize(6);
        assertThat(probe.subList(0, 5)).allSatisfy(
                parameter -> assertThat(parameters.getValueProvider(parameter)).as(parameter.toString()).isNotNull());
        assertThat(parameters.getValueProvider(probe.get(5))).as("Providers: left to Jersey").isNull();
    }

    private static java.lang.reflect.Method probeMethod() {
        for (java.lang.reflect.Method method : Probe.class.getMethods()) {
            if (method.getName().equals("context")) {
                return method;
            }
        }
        throw new AssertionError("no probe method");
    }

    /** A resource that reports what it was handed. */
    @Path("/probe")
    public static final class Probe {

        @GET
        @Path("context")
        @Authenticated
        @Produces(MediaType.TEXT_PLAIN)
        public String context(@Context Request request, @Context HttpHeaders headers,
                @Context ContainerRequestContext context, @Context UriInfo uri, @Context SecurityContext security,
                @Context Providers providers) {
            return String.join("\n",
                    "request is the request: " + (request instanceof ContainerRequest && request == context),
                    "headers are the request: " + (headers instanceof ContainerRequest && headers == context),
                    "context is the request: " + (context instanceof ContainerRequest),
                    "header X-Probe: " + headers.getHeaderString("X-Probe"),
                    "path: " + uri.getPath() + ", query q: " + uri.getQueryParameters().getFirst("q"),
                    "security context is the filter's: "
                            + (security.getClass().getNestHost() == AuthenticationFilter.class),
                    "caller: " + AuthenticationFilter.callerOf(security).account().id().value() + ", scheme: "
                            + security.getAuthenticationScheme() + ", secure: " + security.isSecure(),
                    "providers: " + (providers == null ? "absent" : "present"));
        }
    }
}
