package id.anycheck.auth.domain.organization;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Request limit of each plan, in requests per minute per organization. Immutable.
 *
 * @param requestsPerMinute the limit of every plan
 */
public record PlanLimits(Map<Plan, Integer> requestsPerMinute) {

    /** Largest plan limit, in requests per minute. */
    public static final int MAX_REQUESTS_PER_MINUTE = 10_000_000;

    /** The limits when none are configured: starter 60, business 600, enterprise 6,000. */
    public static final PlanLimits DEFAULT = new PlanLimits(Map.of(
            Plan.STARTER, 60,
            Plan.BUSINESS, 600,
            Plan.ENTERPRISE, 6_000));

    public PlanLimits {
        Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
        EnumMap<Plan, Integer> copy = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            Integer limit = requestsPerMinute.get(plan);
            if (limit == null) {
                throw new IllegalArgumentException("no limit for plan " + plan.externalName());
            }
            if (limit < 1 || limit > MAX_REQUESTS_PER_MINUTE) {
                throw new IllegalArgumentException("the limit of plan " + plan.externalName() + " must be 1 to "
                        + MAX_REQUESTS_PER_MINUTE + " requests per minute, but is " + limit);
            }
            copy.put(plan, limit);
        }
        requestsPerMinute = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a comma-separated list such as {@code starter=60,business=600}. A plan the text does
     * not name keeps its default limit.
     *
     * @throws IllegalArgumentException naming the first unusable entry
     */
    public static PlanLimits parse(String text) {
        EnumMap<Plan, Integer> limits = new EnumMap<>(DEFAULT.requestsPerMinute());
        for (String entry : text.split(",", -1)) {
            String[] nameAndLimit = entry.split("=", -1);
            if (nameAndLimit.length != 2) {
                throw new IllegalArgumentException("entry '" + entry.strip() + "' is not PLAN=REQUESTS_PER_MINUTE");
            }
            String name = nameAndLimit[0].strip();
            Plan plan = Plan.byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "'" + name + "' is not a plan; the plans are starter, business and enterprise"));
            limits.put(plan, parseLimit(plan, nameAndLimit[1].strip()));
        }
        return new PlanLimits(limits);
    }

    private static int parseLimit(Plan plan, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the limit of plan " + plan.externalName()
                    + " must be a whole number of requests per minute, but is '" + text + "'");
        }
    }

    /** Returns the plan's limit in requests per minute. */
    public int limitOf(Plan plan) {
        return requestsPerMinute.get(plan);
    }
}
