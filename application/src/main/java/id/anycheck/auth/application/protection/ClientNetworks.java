package id.anycheck.auth.application.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reduces a client address to the network that is counted or remembered. An IPv6 client often
 * has a whole /64, so it counts as that network. IPv4 addresses are scarce, so each counts alone
 * for lockouts. For the networks an API key is used from, an IPv4 address counts as its /24, so
 * that a server moving within its data centre is not reported.
 */
final class ClientNetworks {

    /** Stands for a request whose client address is unknown. */
    static final String UNKNOWN = "unknown";

    private ClientNetworks() {
    }

    /** Returns the IPv4 address, or the IPv6 /64 network, in CIDR notation. */
    static String forLockout(Optional<String> clientIp) {
        return network(clientIp, 32, 64);
    }

    /** Returns the IPv4 /24 or the IPv6 /64 network, in CIDR notation. */
    static String forApiKeySource(Optional<String> clientIp) {
        return network(clientIp, 24, 64);
    }

    private static String network(Optional<String> clientIp, int ipv4Prefix, int ipv6Prefix) {
        Optional<InetAddress> address = clientIp.flatMap(ClientNetworks::parseLiteral);
        if (address.isEmpty()) {
            return UNKNOWN;
        }
        byte[] bytes = address.get().getAddress();
        int prefix = bytes.length == 4 ? ipv4Prefix : ipv6Prefix;
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(masked).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }

    /** Parses an IP literal; anything else is empty, so no name is ever looked up in DNS. */
    private static Optional<InetAddress> parseLiteral(String text) {
        try {
            if (text.contains(":")) {
                // The JDK parses a text with a colon as an IPv6 literal and never looks it up.
                return Optional.of(InetAddress.getByName(text));
            }
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Optional.empty();
                }
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
