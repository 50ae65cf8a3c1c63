package id.anycheck.auth.application.fakes;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.application.mfa.MfaChallenges;
import id.anycheck.auth.application.mfa.MfaEnrollmentPolicy;
import id.anycheck.auth.application.protection.LoginLockout;
import id.anycheck.auth.application.protection.UnusualAccess;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All port fakes wired together on one {@link MutableClock}, with helpers that store test data. */
public final class InMemoryPorts {

    private final MutableClock clock = new MutableClock();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository(users);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(users, organizations);
    private final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    private final FakeTokenService tokenService = new FakeTokenService(clock);
    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    private final InMemoryAccessSources accessSources = new InMemoryAccessSources();
    private final InMemoryTotpRepository totp = new InMemoryTotpRepository();
    private final InMemoryMfaChallengeRepository mfaChallenges = new InMemoryMfaChallengeRepository();
    private final SecureRandom random = new SecureRandom();

    /**
     * Stores an active organization on the Business plan with a group named "Default" and an
     * active Admin who has the given password, and returns the Admin.
     */
    public User addOrganizationWithAdmin(String organizationName, String adminEmail, String adminPassword) {
        Organization organization = new Organization(
                OrganizationId.random(), organizationName, Plan.BUSINESS, true, clock.instant());
        Group defaultGroup = new Group(GroupId.random(), organization.id(), "Default", clock.instant());
        User admin = new User(UserId.random(), organization.id(), EmailAddress.parse(adminEmail), "Admin",
                Optional.of(passwordHasher.hash(Password.choose(adminPassword))), true, true, clock.instant());
        organizations.add(organization, defaultGroup, admin);
        return admin;
    }

    /** Stores a group in an organization and returns it. */
    public Group addGroup(OrganizationId organizationId, String name) {
        Group group = new Group(GroupId.random(), organizationId, name, clock.instant());
        users.addGroup(group);
        return group;
    }

    /**
     * Stores an active user who is not an Admin and returns it.
     *
     * @param passwordHash the stored hash, or empty for a user who only signs in through single
     *     sign-on
     */
    public User addUser(OrganizationId organizationId, String email, Optional<String> passwordHash) {
        User user = new User(UserId.random(), organizationId, EmailAddress.parse(email), "Test User",
                passwordHash, false, true, clock.instant());
        users.add(user, List.of());
        return user;
    }

    /** Stores an active user who is not an Admin, with a password hashed at the current cost. */
    public User addUser(OrganizationId organizationId, String email, String password) {
        return addUser(organizationId, email, Optional.of(passwordHasher.hash(Password.choose(password))));
    }

    /** Stores an active user with a role in each given group and returns it. */
    public User addMember(OrganizationId organizationId, String email, Map<GroupId, Role> groupRoles) {
        User user = new User(UserId.random(), organizationId, EmailAddress.parse(email), "Test User",
                Optional.empty(), false, true, clock.instant());
        List<Membership> memberships = groupRoles.entrySet().stream()
                .map(entry -> new Membership(user.id(), entry.getKey(), entry.getValue()))
                .toList();
        users.add(user, memberships);
        return user;
    }

    /** Returns the login use case over these fakes, with the default lockout policy. */
    public LogIn logIn() {
        return new LogIn(users, organizations, passwordHasher, loginLockout(), startSession(), mfaChallenges());
    }

    public LoginLockout loginLockout() {
        return new LoginLockout(loginAttempts, LockoutPolicy.DEFAULT, auditTrail(), clock);
    }

    public StartSession startSession() {
        return new StartSession(sessions, tokenService, mfaEnrollment(), random, unusualAccess(), auditTrail(), clock);
    }

    public UnusualAccess unusualAccess() {
        return new UnusualAccess(accessSources, Duration.ofDays(90), auditTrail(), clock);
    }

    public AuditTrail auditTrail() {
        return new AuditTrail(auditLog, clock);
    }

    public InMemoryLoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemoryOrganizationRepository organizations() {
        return organizations;
    }

    public InMemorySessionRepository sessions() {
        return sessions;
    }

    public FakePasswordHasher passwordHasher() {
        return passwordHasher;
    }

    public FakeTokenService tokenService() {
        return tokenService;
    }

    public InMemoryTotpRepository totp() {
        return totp;
    }

    public InMemoryMfaChallengeRepository mfaChallengeRepository() {
        return mfaChallenges;
    }

    /** Returns the login step that requires a second factor of users with MFA on, built on these fakes. */
    public MfaChallenges mfaChallenges() {
        return new MfaChallenges(totp, mfaChallenges, random, clock);
    }

    public MfaEnrollmentPolicy mfaEnrollment() {
        return new MfaEnrollmentPolicy(organizations, totp);
    }

    public InMemoryApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    public SecureRandom random() {
        return random;
    }
}
