package dev.strata.adapters.rest.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of the reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are
 * believed: single addresses ({@code 10.0.0.7}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8},
 * {@code fd00::/8}). Only literal addresses: a host name would make every request wait on DNS.
 * Immutable and thread-safe.
 */
public final class TrustedProxies {

    /** No proxy is trusted: forwarding headers are ignored. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Reads addresses and CIDR ranges such as {@code 10.0.0.0/8} or {@code ::1}.
     *
     * @throws IllegalArgumentException naming the first entry that is not one
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(Range.parse(entry.strip()));
        }
        return new TrustedProxies(ranges);
    }

    /** Whether no proxy at all is trusted, as with {@link #NONE}: forwarding headers are never read. */
    public boolean trustsNone() {
        return ranges.isEmpty();
    }

    /** Whether a connection from {@code peer} (a literal address, as the server saw it) is a trusted proxy. */
    public boolean trusts(String peer) {
        if (peer == null || ranges.isEmpty()) {
            return false;
        }
        try {
            InetAddress address = literal(peer);
            return ranges.stream().anyMatch(range -> range.contains(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The client behind a connection from {@code peer}: the peer itself unless it is a trusted proxy;
     * otherwise the hops it forwarded for ({@code forwardedFor}, oldest first, as in
     * {@code X-Forwarded-For}) are read from the nearest back, and the first that is not a trusted proxy
     * is the client. A hop that is not a literal address ends the walk at the last trusted one, since
     * nothing before it can be believed.
     */
    public String client(String peer, List<String> forwardedFor) {
        String client = peer;
        if (!trusts(peer)) {
            return client;
        }
        for (int index = forwardedFor.size() - 1; index >= 0; index--) {
            String hop = forwardedFor.get(index).strip();
            if (!isAddress(hop)) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return client;
            }
        }
        return client;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private static boolean isAddress(String text) {
        try {
            literal(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.isEmpty() || !bare.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        try {
            // A literal: no name lookup happens.
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
        }
    }

    private record Range(byte[] network, int prefixLength, String text) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: '" + text + "'", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not a CIDR range: '" + text + "'");
            }
            return new Range(address.getAddress(), prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE));
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
