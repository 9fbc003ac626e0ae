package dev.strata.adapters.rest.grizzly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.http.Peers;
import dev.strata.adapters.rest.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The peer's address reaches Jersey as a request property, over HTTP/1.1 and HTTP/2 alike. */
class PeerAddressTest {

    @Test
    void theServerPutsThePeersAddressIntoTheRequestPropertiesForEveryProtocol() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            try (TestServer server = TestServer.start(new ResourceConfig().register(new PeerResource()));
                    HttpClient client = HttpClient.newBuilder().version(version).build()) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.uri() + "/peer"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(answer.body()).as(version.toString()).isEqualTo("127.0.0.1");
            }
        }
    }

    /** Answers with the property. */
    @Path("/peer")
    public static final class PeerResource {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String peer(@Context ContainerRequestContext request) {
            return String.valueOf(request.getProperty(Peers.PROPERTY));
        }
    }
}
