package id.anycheck.auth.application;

import id.anycheck.auth.domain.user.User;
import java.util.Optional;

/**
 * A new user.
 *
 * @param temporaryPassword the generated one-time password when none was given; shown once
 */
public record CreatedUser(User user, Optional<String> temporaryPassword) {

    @Override
    public String toString() {
        return "CreatedUser[user=" + user.id() + "]";
    }
}
