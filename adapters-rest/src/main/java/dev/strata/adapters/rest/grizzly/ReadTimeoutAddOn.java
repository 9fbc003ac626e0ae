package dev.strata.adapters.rest.grizzly;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Gives every accepted connection the read timeout: how long a blocking read of a request body
 * waits for the client's next bytes before it fails, freeing the request's thread. Grizzly starts
 * each connection at 30 seconds whatever the transport says, so it is set per connection here.
 */
final class ReadTimeoutAddOn implements AddOn {

    private final Duration timeout;

    ReadTimeoutAddOn(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int transport = chain.indexOfType(TransportFilter.class);
        chain.add(transport + 1, new BaseFilter() {
            @Override
            public NextAction handleAccept(FilterChainContext context) throws IOException {
                context.getConnection().setReadTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return context.getInvokeAction();
            }

            @Override
            public NextAction handleRead(FilterChainContext context) throws IOException {
                context.getConnection().setReadTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return context.getInvokeAction();
            }
        });
    }
}
