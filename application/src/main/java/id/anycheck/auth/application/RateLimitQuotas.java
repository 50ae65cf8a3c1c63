package id.anycheck.auth.application;

import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.organization.PlanLimits;
import id.anycheck.auth.domain.port.OrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The request limits of organizations and groups, read from storage and kept for a short time,
 * so that charging a request needs no database round trip. A changed plan or group quota takes
 * effect after at most the configured time to live, or at once after {@link #forgetOrganization}
 * or {@link #forgetGroup}, which the code that changes them should call. Unknown groups are
 * remembered too, so requests naming random group ids cannot reach the database on every
 * request. Thread-safe.
 */
public final class RateLimitQuotas {

    private final PlanLimits planLimits;
    private final Expiring<OrganizationId, Optional<Plan>> plans;
    private final Expiring<GroupOfOrganization, Optional<Group>> groups;

    private record GroupOfOrganization(OrganizationId organizationId, GroupId groupId) {
    }

    /**
     * @param timeToLive how long a limit read from storage is used; zero reads storage every time
     * @param maxEntries how many organizations and, separately, groups are kept at most
     */
    public RateLimitQuotas(OrganizationRepository organizations, PlanLimits planLimits, Duration timeToLive,
            int maxEntries, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("time to live must not be negative");
        }
        this.planLimits = planLimits;
        this.plans = new Expiring<>(id -> organizations.findById(id).map(Organization::plan),
                timeToLive, maxEntries, clock);
        this.groups = new Expiring<>(key -> organizations.findGroup(key.organizationId(), key.groupId()),
                timeToLive, maxEntries, clock);
    }

    /**
     * Returns the organization's limit in requests per minute, from its plan. An organization
     * that is not stored gets the smallest plan's limit.
     */
    public int organizationLimit(OrganizationId id) {
        // NOTE: organizations are deactivated rather than deleted, so a missing one means a
        // principal outlived its organization's row; the smallest limit is the safe choice.
        Plan plan = plans.get(id).orElse(Plan.STARTER);
        return planLimits.limitOf(plan);
    }

    /** Returns a group of the organization, or empty if it has no such group or the group was deleted. */
    public Optional<Group> group(OrganizationId organizationId, GroupId groupId) {
        return groups.get(new GroupOfOrganization(organizationId, groupId));
    }

    /** Makes the next request of the organization read its plan from storage. */
    public void forgetOrganization(OrganizationId id) {
        plans.forget(id);
    }

    /** Makes the next request naming the group read its quota from storage. */
    public void forgetGroup(OrganizationId organizationId, GroupId groupId) {
        groups.forget(new GroupOfOrganization(organizationId, groupId));
    }

    /** Values loaded on demand and kept until they expire, are forgotten, or the map is full. */
    private static final class Expiring<K, V> {

        private record Entry<V>(V value, long expiresAtMillis) {
        }

        private final Function<K, V> loader;
        private final long timeToLiveMillis;
        private final int maxEntries;
        private final Clock clock;
        private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
        /** Counts calls to {@link #forget}, so a load that overlapped one can drop its stale result. */
        private final AtomicLong forgetCount = new AtomicLong();

        Expiring(Function<K, V> loader, Duration timeToLive, int maxEntries, Clock clock) {
            this.loader = loader;
            this.timeToLiveMillis = timeToLive.toMillis();
            this.maxEntries = maxEntries;
            this.clock = clock;
        }

        V get(K key) {
            long now = clock.millis();
            Entry<V> entry = entries.get(key);
            if (entry != null && entry.expiresAtMillis() > now) {
                return entry.value();
            }

            long forgetsBefore = forgetCount.get();
            V value = loader.apply(key);
            if (timeToLiveMillis == 0) {
                return value;
            }
            if (entries.size() >= maxEntries) {
                // Dropping everything is crude but bounded; the next requests reload what is in use.
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + timeToLiveMillis));
            if (forgetCount.get() != forgetsBefore) {
                // A limit changed while this load read storage, and the value read may predate
                // the change. Keep nothing, so the next request reads storage again.
                entries.remove(key);
            }
            return value;
        }

        void forget(K key) {
            forgetCount.incrementAndGet();
            entries.remove(key);
        }
    }
}
