package id.anycheck.auth.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of reverse proxies whose {@code X-Forwarded-For} header is believed: single
 * addresses and CIDR ranges, IPv4 or IPv6. Immutable and thread-safe.
 */
public final class TrustedProxies {

    /** No proxy is trusted: the client is always the socket's peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Range(byte[] network, int prefixLength) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits);
            return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses a comma-separated list such as {@code 10.0.0.0/8, 192.0.2.7, 2001:db8::/32}. Blank
     * text trusts no proxy. Names are not accepted, so parsing never queries DNS.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or CIDR range
     */
    public static TrustedProxies parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            ranges.add(parseRange(entry.strip()));
        }
        return new TrustedProxies(ranges);
    }

    public boolean contains(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static Range parseRange(String entry) {
        int slash = entry.indexOf('/');
        String addressText = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = IpLiterals.parse(addressText).orElseThrow(() -> new IllegalArgumentException(
                "'" + entry + "' is not an IP address or CIDR range such as 10.0.0.0/8"));
        int maxPrefix = address.getAddress().length * 8;
        int prefixLength = slash < 0 ? maxPrefix : prefixLength(entry, entry.substring(slash + 1), maxPrefix);
        return new Range(address.getAddress(), prefixLength);
    }

    private static int prefixLength(String entry, String text, int maxPrefix) {
        Optional<Integer> parsed = text.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        return parsed.filter(length -> length <= maxPrefix).orElseThrow(() -> new IllegalArgumentException(
                "'" + entry + "' has an invalid prefix length; use 0 to " + maxPrefix));
    }
}
