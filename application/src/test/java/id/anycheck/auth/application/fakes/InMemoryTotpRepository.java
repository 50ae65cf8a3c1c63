package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** In-memory {@link TotpRepository} without encryption. Every method holds this object's lock. Thread-safe. */
public final class InMemoryTotpRepository implements TotpRepository {

    private final Map<UserId, TotpEnrolment> enrolments = new HashMap<>();
    private final Map<UserId, Set<String>> unusedRecoveryCodes = new HashMap<>();

    @Override
    public synchronized boolean savePending(UserId userId, UUID enrolmentId, TotpSecret secret, Instant now) {
        TotpEnrolment existing = enrolments.get(userId);
        if (existing != null && existing.confirmed()) {
            return false;
        }
        enrolments.put(userId, new TotpEnrolment(enrolmentId, userId, secret, false, OptionalLong.empty()));
        return true;
    }

    @Override
    public synchronized Optional<TotpEnrolment> find(UserId userId) {
        return Optional.ofNullable(enrolments.get(userId));
    }

    @Override
    public synchronized boolean isEnabled(UserId userId) {
        TotpEnrolment enrolment = enrolments.get(userId);
        return enrolment != null && enrolment.confirmed();
    }

    @Override
    public synchronized boolean confirm(UserId userId, UUID enrolmentId, long timeStep,
            List<String> recoveryCodeHashes, Instant now) {
        TotpEnrolment pending = enrolments.get(userId);
        if (pending == null || pending.confirmed() || !pending.id().equals(enrolmentId)) {
            return false;
        }
        enrolments.put(userId, new TotpEnrolment(enrolmentId, userId, pending.secret(), true,
                OptionalLong.of(timeStep)));
        unusedRecoveryCodes.put(userId, new HashSet<>(recoveryCodeHashes));
        return true;
    }

    @Override
    public synchronized boolean useTimeStep(UserId userId, long timeStep) {
        TotpEnrolment enrolment = enrolments.get(userId);
        if (enrolment == null || !enrolment.confirmed()
                || enrolment.lastUsedStep().orElse(Long.MIN_VALUE) >= timeStep) {
            return false;
        }
        enrolments.put(userId, new TotpEnrolment(enrolment.id(), userId, enrolment.secret(), true,
                OptionalLong.of(timeStep)));
        return true;
    }

    @Override
    public synchronized boolean useRecoveryCode(UserId userId, String codeHash, Instant now) {
        Set<String> unused = unusedRecoveryCodes.get(userId);
        return unused != null && unused.remove(codeHash);
    }

    @Override
    public synchronized boolean remove(UserId userId) {
        unusedRecoveryCodes.remove(userId);
        return enrolments.remove(userId) != null;
    }
}
