package id.anycheck.auth.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever querying DNS. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /**
     * Returns the address written as dotted-quad IPv4 or as IPv6 (optionally in brackets), or
     * empty for anything else, such as a host name, a zone id or an octet above 255.
     */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        var ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(byAddress(bytes));
        }
        if (literal.contains(":") && IPV6.matcher(literal).matches()) {
            try {
                // The brackets make the JDK treat the text as an IPv6 literal, so a malformed one
                // throws instead of being looked up as a host name.
                return Optional.of(InetAddress.getByName("[" + literal + "]"));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Parses one {@code X-Forwarded-For} entry, which some proxies write with a port:
     * {@code 192.0.2.7:4711} or {@code [2001:db8::1]:4711}.
     */
    static Optional<InetAddress> parseForwarded(String entry) {
        String hop = entry.strip();
        if (hop.startsWith("[") && hop.contains("]:")) {
            return parse(hop.substring(0, hop.indexOf("]:") + 1));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return parse(hop.substring(0, colon));
        }
        return parse(hop);
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always a valid IPv4 address", e);
        }
    }
}
