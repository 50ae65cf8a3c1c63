package id.anycheck.auth.domain.apikey;

import id.anycheck.auth.domain.user.UserId;
import java.util.Optional;

/** Issuer of an API key: an organization's Admin, or the operator through the command line. */
public record ApiKeyCreator(Optional<UserId> userId) {

    public static ApiKeyCreator operator() {
        return new ApiKeyCreator(Optional.empty());
    }

    public static ApiKeyCreator user(UserId userId) {
        return new ApiKeyCreator(Optional.of(userId));
    }

    public boolean isOperator() {
        return userId.isEmpty();
    }
}
