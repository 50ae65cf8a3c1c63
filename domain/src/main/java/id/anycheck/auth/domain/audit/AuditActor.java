package id.anycheck.auth.domain.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Who caused a recorded event: a user, an API key, the operator on the command line, or an unknown caller. */
public record AuditActor(Kind kind, Optional<String> id) {

    public enum Kind {
        USER,
        API_KEY,
        OPERATOR,
        ANONYMOUS;

        public String externalName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static AuditActor operator() {
        return new AuditActor(Kind.OPERATOR, Optional.empty());
    }

    public static AuditActor anonymous() {
        return new AuditActor(Kind.ANONYMOUS, Optional.empty());
    }
}
