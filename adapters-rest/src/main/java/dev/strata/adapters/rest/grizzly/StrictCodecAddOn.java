package dev.strata.adapters.rest.grizzly;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.monitoring.MonitoringConfig;
import org.glassfish.grizzly.http.HttpProbe;

/**
 * Swaps the listener's HTTP codec for {@link StrictCodecFilter}, carrying over what the
 * server configured on the original (content encodings such as gzip, payload settings, probes).
 */
final class StrictCodecAddOn implements AddOn {

    private final boolean http2;

    /** @param http2 whether HTTP/2 is served too, so that h2c offers and prefaces reach its filter */
    StrictCodecAddOn(boolean http2) {
        this.http2 = http2;
    }

    /** What Grizzly uses when the listener leaves the header size unset. */
    private static final int GRIZZLY_DEFAULT_MAX_HEADER_SIZE = 8192;

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int index = chain.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("the listener has no HTTP codec to replace");
        }
        HttpServerFilter original = (HttpServerFilter) chain.get(index);
        int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1 ? GRIZZLY_DEFAULT_MAX_HEADER_SIZE
                : listener.getMaxHttpHeaderSize();
        StrictCodecFilter replacement = new StrictCodecFilter(listener.isChunkingEnabled(),
                maxHeaderSize, listener.getKeepAlive(), listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders(), http2);
        for (ContentEncoding encoding : original.getContentEncodings()) {
            replacement.addContentEncoding(encoding);
        }
        replacement.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        replacement.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        replacement.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        MonitoringConfig<HttpProbe> probes = original.getMonitoringConfig();
        replacement.getMonitoringConfig().addProbes(probes.getProbes());
        chain.set(index, replacement);
    }
}
