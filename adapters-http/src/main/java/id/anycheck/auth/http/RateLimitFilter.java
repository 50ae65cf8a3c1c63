package id.anycheck.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.application.ApplyRateLimits;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Charges each request to its rate limits before its handler runs and writes the rate limit
 * headers. A request over a limit gets 429 RATE_LIMIT_EXCEEDED. Runs after
 * {@link AuthenticationFilter}. Protected routes are charged to the caller's organization and
 * group. Public routes that accept credentials or start a login are charged to the client
 * address. The other public routes, such as the health checks, are not limited. Thread-safe.
 */
final class RateLimitFilter {

    /** Public paths limited per client address, each with everything below it. */
    private static final List<String> CLIENT_LIMITED_PATHS =
            List.of("/auth/login", "/auth/refresh", "/auth/mfa", "/auth/external");
    private static final String GROUP_ROUTE_PREFIX = "/groups/{id}";
    private static final String GROUP_QUERY_PARAMETER = "group_id";
    private static final String VERIFICATIONS_ROUTE = "/verifications";
    /** IPv6 clients are counted per /64 network, the smallest network a site is usually given. */
    private static final int IPV6_CLIENT_PREFIX_BYTES = 8;

    private final ApplyRateLimits applyRateLimits;
    private final ClientAddressResolver clientAddresses;
    private final RateLimitHeaders headers;

    RateLimitFilter(ApplyRateLimits applyRateLimits, ClientAddressResolver clientAddresses, RateLimitHeaders headers) {
        this.applyRateLimits = applyRateLimits;
        this.clientAddresses = clientAddresses;
        this.headers = headers;
    }

    void handle(Context ctx) {
        RateLimitDecision decision;
        if (!ctx.routeRoles().contains(Access.PUBLIC)) {
            decision = applyRateLimits.chargeAuthenticated(AuthenticationFilter.principal(ctx), requestedGroup(ctx),
                    Optional.of(ClientAddressResolver.of(ctx)));
        } else if (isClientLimited(ctx.path())) {
            decision = applyRateLimits.chargeClient(clientKey(clientAddresses.clientAddress(ctx)));
        } else {
            return;
        }

        headers.write(ctx, decision);
        if (!decision.allowed()) {
            ctx.attribute(HttpMetrics.RATE_LIMIT_SCOPE_ATTRIBUTE, decision.rejectedBy().externalName());
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED);
        }
    }

    /**
     * Returns the group a request names: the {@code {id}} of a {@code /groups/{id}} route, the
     * {@code group_id} of the JSON body of {@code POST /verifications}, else a {@code group_id}
     * query parameter. Text that is not a group id names no group.
     */
    private static Optional<GroupId> requestedGroup(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            // Javalin gives a HEAD request to a GET-only route no matched endpoint, and serves it
            // from the GET handler after the filters. Such a request names no group.
            return Optional.empty();
        }
        String route = endpoint.path;
        String text;
        if (route.startsWith(GROUP_ROUTE_PREFIX)) {
            text = groupIdSegment(ctx.path());
        } else if (VERIFICATIONS_ROUTE.equals(route) && "POST".equals(ctx.method().name())) {
            text = bodyGroupId(ctx);
        } else {
            text = ctx.queryParam(GROUP_QUERY_PARAMETER);
        }
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GroupId.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the {@code group_id} of a JSON body, or null. Javalin keeps the body it read, so the
     * handler reads the same bytes again. A body that is not JSON names no group here, and the
     * handler rejects it.
     */
    private static String bodyGroupId(Context ctx) {
        try {
            JsonNode groupId = Json.read(ctx.bodyAsBytes()).path("group_id");
            return groupId.isTextual() ? groupId.textValue() : null;
        } catch (ApiException e) {
            return null;
        }
    }

    /**
     * Returns the {@code {id}} segment of a {@code /groups/{id}...} path. Javalin 7.1 fills the
     * path parameters only once the route's own handler runs, so the filter reads the segment.
     */
    private static String groupIdSegment(String path) {
        String[] segments = path.split("/", 4);
        return segments.length > 2 ? segments[2] : null;
    }

    private static boolean isClientLimited(String path) {
        return CLIENT_LIMITED_PATHS.stream()
                .anyMatch(limited -> path.equals(limited) || path.startsWith(limited + "/"));
    }

    /**
     * Returns the counter key of a client: its IPv4 address, or its IPv6 /64 network, because one
     * IPv6 client can use every address in its network.
     */
    static String clientKey(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(address.getAddress(), IPV6_CLIENT_PREFIX_BYTES), 16);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_CLIENT_PREFIX_BYTES * 8;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("sixteen bytes are always a valid IPv6 address", e);
        }
    }
}
