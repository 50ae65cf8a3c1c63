package id.anycheck.auth.application.protection;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Use case: an Admin ends the login lockouts of a user of their organization, from every client,
 * for example after confirming by phone that the failures were the user's own. Thread-safe.
 */
public final class UnlockUser {

    private static final System.Logger LOG = System.getLogger(UnlockUser.class.getName());

    private final UserRepository users;
    private final Actors actors;
    private final LoginLockout lockout;
    private final AuditTrail auditTrail;

    public UnlockUser(UserRepository users, Actors actors, LoginLockout lockout, AuditTrail auditTrail) {
        this.users = users;
        this.actors = actors;
        this.lockout = lockout;
        this.auditTrail = auditTrail;
    }

    public void unlock(Caller caller, UserId userId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        User user = users.findById(userId)
                .filter(found -> found.organizationId().equals(actor.organizationId()))
                .orElseThrow(() -> new NotFoundException("User " + userId + " not found."));
        actor.require(Action.UPDATE_USER);

        boolean wasLocked = lockout.unlock(user.email());

        auditTrail.record(AuditEventType.USER_UNLOCKED, actor.organizationId(), caller, userId.toString(),
                Map.of("had_failed_logins", Boolean.toString(wasLocked)));
        LOG.log(Level.INFO, "Ended the login lockouts of user {0}", userId);
    }
}
