package id.anycheck.auth.application;

import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import java.util.Objects;
import java.util.Optional;

/**
 * Caller of a change, for permission checks and audit records: an authenticated principal
 * with the client address of its request, or the operator on the command line.
 */
public record Caller(Optional<Principal> principal, Optional<String> clientIp) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    public static Caller operator() {
        return new Caller(Optional.empty(), Optional.empty());
    }

    public static Caller of(Principal principal, String clientIp) {
        return new Caller(Optional.of(principal), Optional.ofNullable(clientIp));
    }

    public boolean isOperator() {
        return principal.isEmpty();
    }

    public AuditActor auditActor() {
        if (principal.isEmpty()) {
            return AuditActor.operator();
        }
        Principal caller = principal.get();
        if (caller instanceof UserPrincipal user) {
            return new AuditActor(AuditActor.Kind.USER, Optional.of(user.id()));
        }
        ApiKeyPrincipal key = (ApiKeyPrincipal) caller;
        return new AuditActor(AuditActor.Kind.API_KEY, Optional.of(key.id()));
    }
}
