package id.anycheck.auth.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address of the client behind a request, for per-client limits, lockouts and audit
 * records. The client is the socket's peer, unless that peer is a trusted proxy: then it is the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Entries left of it
 * were written by the client or by untrusted proxies, so a client cannot choose its own address
 * by sending the header. Thread-safe.
 */
public final class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String RESOLVER_ATTRIBUTE = "anycheck.client-address-resolver";
    private static final String ADDRESS_ATTRIBUTE = "anycheck.client-address";

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Makes this resolver available to {@link #of} for the request; resolving waits until asked. */
    void remember(Context ctx) {
        ctx.attribute(RESOLVER_ATTRIBUTE, this);
    }

    /** Returns the request's client address as an IP literal, resolved once per request. */
    static String of(Context ctx) {
        String address = ctx.attribute(ADDRESS_ATTRIBUTE);
        if (address == null) {
            ClientAddressResolver resolver = ctx.attribute(RESOLVER_ATTRIBUTE);
            address = resolver != null ? resolver.clientAddress(ctx).getHostAddress() : ctx.req().getRemoteAddr();
            ctx.attribute(ADDRESS_ATTRIBUTE, address);
        }
        return address;
    }

    public InetAddress clientAddress(Context ctx) {
        List<String> forwardedFor = trustedProxies.isEmpty()
                ? List.of()
                : Collections.list(ctx.req().getHeaders(FORWARDED_FOR));
        return resolve(ctx.req().getRemoteAddr(), forwardedFor);
    }

    /**
     * @param socketAddress the peer's address as the server reports it
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    InetAddress resolve(String socketAddress, List<String> forwardedFor) {
        InetAddress peer = IpLiterals.parse(socketAddress).orElseThrow(() -> new IllegalArgumentException(
                "the server reported a peer address that is not an IP address: " + socketAddress));
        if (!trustedProxies.contains(peer)) {
            return peer;
        }

        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",", -1)) {
                hops.add(entry);
            }
        }

        InetAddress nearestTrusted = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parseForwarded(hops.get(i));
            if (hop.isEmpty()) {
                // A trusted proxy passed on something that is not an address, such as "unknown".
                // The last address a trusted proxy vouched for is the best that is known.
                return nearestTrusted;
            }
            if (!trustedProxies.contains(hop.get())) {
                return hop.get();
            }
            nearestTrusted = hop.get();
        }
        // Every hop is a trusted proxy, so the request started inside the trusted network.
        return nearestTrusted;
    }
}
