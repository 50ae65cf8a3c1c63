package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case: add a user with the User or Manager role in some groups of their organization.
 * The caller has checked that it may do so. Thread-safe.
 */
public final class CreateUser {

    private static final System.Logger LOG = System.getLogger(CreateUser.class.getName());

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordHasher passwordHasher;
    private final PasswordGenerator passwordGenerator;
    private final Clock clock;

    public CreateUser(UserRepository users, OrganizationRepository organizations, PasswordHasher passwordHasher,
            PasswordGenerator passwordGenerator, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.passwordHasher = passwordHasher;
        this.passwordGenerator = passwordGenerator;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException for an invalid email, name or password, or a group that is
     *     not one of the organization's
     * @throws id.anycheck.auth.domain.error.ConflictException if the email is already registered
     */
    public CreatedUser create(CreateUserCommand command) {
        NewAccount account = NewAccount.of(command.email(), command.name(), command.password(), "");
        requireOwnGroups(command);

        Optional<String> temporaryPassword = account.password().isPresent()
                ? Optional.empty()
                : Optional.of(passwordGenerator.generate());
        Password password = account.password().orElseGet(() -> Password.choose(temporaryPassword.get()));
        Instant now = clock.instant();
        User user = new User(UserId.random(), command.organizationId(), account.email(), account.name(),
                Optional.of(passwordHasher.hash(password)), false, true, now);
        List<Membership> memberships = command.groupRoles().entrySet().stream()
                .map(entry -> new Membership(user.id(), entry.getKey(), entry.getValue()))
                .toList();

        users.add(user, memberships);

        LOG.log(Level.INFO, "Created user {0} in organization {1} with {2} memberships",
                user.id(), user.organizationId(), memberships.size());
        return new CreatedUser(user, temporaryPassword);
    }

    private void requireOwnGroups(CreateUserCommand command) {
        Set<GroupId> ownGroups = organizations.groupsOf(command.organizationId()).stream()
                .map(Group::id)
                .collect(Collectors.toSet());
        for (GroupId groupId : command.groupRoles().keySet()) {
            if (!ownGroups.contains(groupId)) {
                throw InvalidInputException.of("memberships", "group " + groupId + " is not a group of this organization");
            }
        }
    }
}
