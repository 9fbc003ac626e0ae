package dev.strata.bench.servers;

import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.PublicUrls;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * An analysis server, not a configuration of Strata: {@link MemoryStrataServer}'s API with every
 * request and response filter and every interceptor taken out but the two that the measured request
 * cannot do without (the authentication, which signs the caller in, and the public URLs, which
 * the representation's links are written from). What goes is what the API promises on every
 * request besides its answer: the access log, metrics, rate limits, request ids, the strict header,
 * URI and {@code Accept} checks, the body limit, {@code Cache-Control} and {@code Vary}. Its row in
 * {@code bench/run} says how much of Strata's cost over bare Jersey those promises are, and how much
 * is the resources themselves (routing among the API's resources, authentication, the store, the
 * JSON representation) on the same transport.
 */
public final class UnfilteredStrataServer {

    /** The filters kept: without them the measured request has no caller or no links. */
    static final Set<Class<?>> KEPT = Set.of(AuthenticationFilter.class, PublicUrls.class);

    private static final List<Class<?>> FILTER_TYPES = List.of(ContainerRequestFilter.class,
            ContainerResponseFilter.class, ReaderInterceptor.class, WriterInterceptor.class);

    private UnfilteredStrataServer() {
    }

    public static void main(String[] arguments) throws InterruptedException, IOException {
        MemoryStrataServer.serve(withoutFilters(MemoryStrataServer.api()), arguments);
    }

    /** {@code api}'s properties, resources and providers, without the filters and interceptors {@link #KEPT} does not name. */
    static ResourceConfig withoutFilters(ResourceConfig api) {
        ResourceConfig stripped = new ResourceConfig().addProperties(api.getProperties());
        api.getClasses().stream().filter(type -> !dropped(type)).forEach(stripped::register);
        api.getInstances().stream().filter(instance -> !dropped(instance.getClass())).forEach(stripped::register);
        return stripped;
    }

    static boolean dropped(Class<?> type) {
        return !KEPT.contains(type) && FILTER_TYPES.stream().anyMatch(filter -> filter.isAssignableFrom(type));
    }
}
