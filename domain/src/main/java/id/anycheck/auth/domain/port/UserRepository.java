package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Port: users and their group memberships. Implementations are thread-safe. */
public interface UserRepository {

    /** Finds a user by email, comparing case-insensitively after NFKC normalization. */
    Optional<User> findByEmail(EmailAddress email);

    Optional<User> findById(UserId id);

    /**
     * Stores a new user with their memberships, all or nothing.
     *
     * @throws ConflictException if the email is already registered
     */
    void add(User user, List<Membership> memberships);

    /** Replaces the stored password hash, for example after rehashing with stronger parameters. */
    void updatePasswordHash(UserId id, String passwordHash);

    /** Returns the user's groups with the role held in each, ordered by group name. */
    List<GroupRole> groupRolesOf(UserId id);
}
