package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: TOTP enrolments and recovery codes. Implementations keep the secret encrypted at rest,
 * make every method atomic on its own, and are thread-safe.
 */
public interface TotpRepository {

    /**
     * Stores a pending enrolment, replacing the user's pending one.
     *
     * @return false, storing nothing, if the user has a confirmed enrolment
     */
    boolean savePending(UserId userId, UUID enrolmentId, TotpSecret secret, Instant now);

    Optional<TotpEnrolment> find(UserId userId);

    /** Returns whether the user has a confirmed enrolment, that is whether MFA is on. */
    boolean isEnabled(UserId userId);

    /**
     * Confirms the pending enrolment with this id, records the time step of the code that
     * confirmed it, and replaces the user's recovery codes with these hashes, all at once.
     *
     * @return false, changing nothing, if that enrolment is no longer pending
     */
    boolean confirm(UserId userId, UUID enrolmentId, long timeStep, List<String> recoveryCodeHashes, Instant now);

    /**
     * Records that a code of the time step was used, if and only if the enrolment is confirmed
     * and the step is later than the last one used. A single compare-and-set, so of two
     * concurrent calls with one step at most one succeeds.
     */
    boolean useTimeStep(UserId userId, long timeStep);

    /** Marks an unused recovery code as used; of two concurrent calls with one code at most one succeeds. */
    boolean useRecoveryCode(UserId userId, String codeHash, Instant now);

    /** Removes the user's enrolment and recovery codes; returns false if there was no enrolment. */
    boolean remove(UserId userId);
}
