package dev.strata.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Function;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Hands the resources' {@code @Context} parameters of the request's own types straight from the
 * request being served, instead of through the injection container. Jersey resolves every other
 * {@code @Context} parameter per call through HK2's request scope (an injectee built, a descriptor
 * looked up, a proxy made for interfaces), which was about 6% of the CPU of an authenticated GET;
 * these functions are chosen once per resource method when the application is built and, per call,
 * only read the request. The values are the ones Jersey binds for these types:
 * {@link HttpHeaders}, {@link Request} and {@link ContainerRequestContext} are the
 * {@link ContainerRequest} itself, {@link UriInfo} is its routing context, and
 * {@link SecurityContext} is the one the request holds when the resource method runs (after every
 * filter, so {@link AuthenticationFilter}'s caller). Any other type is left to Jersey.
 */
public final class ContextParameters implements ValueParamProvider {

    private static final Map<Class<?>, Function<ContainerRequest, ?>> VALUES = Map.of(
            SecurityContext.class, ContainerRequest::getSecurityContext,
            Request.class, request -> request,
            HttpHeaders.class, request -> request,
            ContainerRequestContext.class, request -> request,
            UriInfo.class, ContainerRequest::getUriInfo);

    @Override
    public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
        if (parameter.getSource() != Parameter.Source.CONTEXT) {
            return null;
        }
        return VALUES.get(parameter.getRawType());
    }

    @Override
    public PriorityType getPriority() {
        // Asked before Jersey's own providers, the lowest of which would resolve these through HK2.
        return Priority.HIGH;
    }

    /** What registers this with a Jersey application: {@code register(ContextParameters.binder())}. */
    public static AbstractBinder binder() {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(new ContextParameters()).to(ValueParamProvider.class);
            }
        };
    }
}
