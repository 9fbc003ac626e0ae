package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests run on virtual threads named {@code request-<n>}, so that a log line says which request's
 * thread wrote it (an unnamed virtual thread has an empty name, which logback replaces with its id,
 * found by reflection on every line).
 */
class RequestThreadsTest {

    @RegisterExtension
    static final TestApi api = new TestApi(builder -> builder.extension(new ThreadProbe()));

    @Test
    void aRequestRunsOnANamedVirtualThread() {
        // The probe is this test's own resource, no part of the API or its document.
        HttpDriver probe = HttpDriver.outsideTheApi(api.server.uri());
        HttpResult first = probe.get("/probe/thread").send();
        HttpResult second = probe.get("/probe/thread").send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body()).startsWith("virtual " + StrataApi.REQUEST_THREAD_PREFIX)
                .matches("virtual request-[1-9][0-9]*");
        assertThat(second.body()).as("each request its own thread").isNotEqualTo(first.body());
    }

    /** Answers with its thread's kind and name. */
    @Path("/probe")
    public static final class ThreadProbe {

        @GET
        @Path("thread")
        @Produces(MediaType.TEXT_PLAIN)
        public String thread() {
            Thread current = Thread.currentThread();
            return (current.isVirtual() ? "virtual " : "platform ") + current.getName();
        }
    }
}
