package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.organization.PlanLimits;
import java.time.Duration;

/**
 * Request limits of the service.
 *
 * @param planLimits requests per minute for each plan's organizations
 * @param clientLimitPerMinute requests per minute from one client address to unauthenticated routes
 * @param quotaCacheTime how long a plan or group quota read from the database is used
 * @param maxCounters how many counters the in-process limiter keeps at most
 * @param window the length of a counting window; the limits count requests per window. It is
 *     one minute in service, and only tests shorten it.
 */
record RateLimitSettings(
        PlanLimits planLimits, int clientLimitPerMinute, Duration quotaCacheTime, int maxCounters, Duration window) {

    static final Duration WINDOW = Duration.ofMinutes(1);
}
