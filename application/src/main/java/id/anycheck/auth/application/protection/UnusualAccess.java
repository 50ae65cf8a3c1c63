package id.anycheck.auth.application.protection;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.domain.Digests;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.port.AccessSources;
import id.anycheck.auth.domain.port.AccessSources.Sighting;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices unusual access and records it in the audit log. Two kinds are recorded: a login from a
 * device (client address and user agent) not seen for that user in the remembered period, and an
 * API key used from a network not seen for it in that period. The very first login of a user and
 * the very first use of a key are not reported, because there is nothing yet to compare them
 * with. Thread-safe.
 */
public final class UnusualAccess {

    private static final System.Logger LOG = System.getLogger(UnusualAccess.class.getName());

    /**
     * Time a key and client address count as recently checked on this instance. API key requests
     * are the hot path, so the database is asked about a key and address at most this often.
     */
    static final Duration API_KEY_CHECK_INTERVAL = Duration.ofMinutes(10);
    /** Maximum number of key and address pairs remembered as checked; beyond it the memory starts again. */
    private static final int MAX_CHECKED_PAIRS = 100_000;

    private final AccessSources sources;
    private final Duration remembered;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Map<String, Instant> checkedApiKeySources = new ConcurrentHashMap<>();

    /** @param remembered how long a device or network stays known without being seen */
    public UnusualAccess(AccessSources sources, Duration remembered, AuditTrail auditTrail, Clock clock) {
        this.sources = sources;
        this.remembered = remembered;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Notes the device of a login and records NEW_DEVICE_LOGIN if the user did not use it lately. */
    public void loggedIn(User user, RequestOrigin origin) {
        String client = origin.clientIp().orElse(ClientNetworks.UNKNOWN);
        String userAgent = origin.userAgent().orElse("");
        String device = Digests.sha256Hex(client + "|" + userAgent);

        Sighting sighting = sources.record(AccessSources.Subject.USER, user.id().value(), device, clock.instant(),
                remembered);

        if (sighting == Sighting.NEW_SOURCE) {
            LOG.log(Level.INFO, "User {0} logged in from a new device at {1}", user.id(), client);
            auditTrail.record(AuditEventType.NEW_DEVICE_LOGIN, Optional.of(user.organizationId()),
                    new AuditActor(AuditActor.Kind.USER, Optional.of(user.id().toString())),
                    Optional.of(user.id().toString()), origin.clientIp(),
                    Map.of("user_agent", abbreviate(userAgent)));
        }
    }

    /** Notes the network an API key is used from and records API_KEY_NEW_SOURCE for a new one. */
    public void apiKeyUsed(ApiKeyPrincipal key, Optional<String> clientIp) {
        // Remembered by the exact address, so that a repeated request skips parsing it into its network.
        Instant now = clock.instant();
        String checkedKey = key.keyId() + "|" + clientIp.orElse(ClientNetworks.UNKNOWN);
        Instant checkedAt = checkedApiKeySources.get(checkedKey);
        if (checkedAt != null && checkedAt.plus(API_KEY_CHECK_INTERVAL).isAfter(now)) {
            return;
        }
        if (checkedApiKeySources.size() >= MAX_CHECKED_PAIRS) {
            checkedApiKeySources.clear();
        }
        checkedApiKeySources.put(checkedKey, now);

        String network = ClientNetworks.forApiKeySource(clientIp);
        Sighting sighting = sources.record(AccessSources.Subject.API_KEY, key.keyId().value(),
                Digests.sha256Hex(network), now, remembered);

        if (sighting == Sighting.NEW_SOURCE) {
            LOG.log(Level.INFO, "API key {0} used from a new network {1}", key.keyId(), network);
            auditTrail.record(AuditEventType.API_KEY_NEW_SOURCE, Optional.of(key.organizationId()),
                    new AuditActor(AuditActor.Kind.API_KEY, Optional.of(key.keyId().toString())),
                    Optional.of(key.keyId().toString()), clientIp, Map.of("network", network));
        }
    }

    /** Keeps a user agent within the audit log's size; the full text is not needed to recognize it. */
    private static String abbreviate(String userAgent) {
        return userAgent.length() <= 200 ? userAgent : userAgent.substring(0, 200);
    }
}
