package id.anycheck.auth.application.sso;

import id.anycheck.auth.application.AccountStanding;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.SingleSignOnNotConfiguredException;
import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.IdentityProvider;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.SingleSignOnRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.sso.ExternalIdentity;
import id.anycheck.auth.domain.sso.PendingSignIn;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: finish a single sign-on with the code and state of the provider's redirect, and
 * start a session for the person it identifies.
 *
 * <p>The person's tenant must be allowed by an organization. A person already linked logs in
 * as their user. Otherwise a user of that organization with the same verified email is linked
 * to them, once. Otherwise the organization's policy creates a User or rejects the sign-in.
 * Thread-safe.
 */
public final class CompleteSingleSignOn {

    /** Longest accepted state, well above the 43 characters this service generates. */
    static final int MAX_STATE_LENGTH = 200;
    /** Longest accepted authorization code; longer text is rejected before it reaches the provider. */
    static final int MAX_CODE_LENGTH = 8192;

    private static final System.Logger LOG = System.getLogger(CompleteSingleSignOn.class.getName());

    private final Optional<IdentityProvider> identityProvider;
    private final SingleSignOnRepository repository;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final StartSession startSession;
    private final AuditTrail auditTrail;
    private final Clock clock;

    /** @param identityProvider the provider, or empty when this server has none configured */
    public CompleteSingleSignOn(Optional<IdentityProvider> identityProvider, SingleSignOnRepository repository,
            UserRepository users, OrganizationRepository organizations, StartSession startSession,
            AuditTrail auditTrail, Clock clock) {
        this.identityProvider = identityProvider;
        this.repository = repository;
        this.users = users;
        this.organizations = organizations;
        this.startSession = startSession;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @throws SingleSignOnNotConfiguredException if no provider is configured
     * @throws InvalidInputException for a missing code, or a state that is unknown, used or expired
     * @throws id.anycheck.auth.domain.error.IdentityProviderException if the provider is
     *     unreachable, rejects the code or returns an invalid ID token
     * @throws ForbiddenException if the tenant or the person may not sign in
     */
    public Authentication complete(String code, String state, RequestOrigin origin) {
        IdentityProvider provider = identityProvider.orElseThrow(SingleSignOnNotConfiguredException::new);
        requireText("code", code, MAX_CODE_LENGTH);
        requireText("state", state, MAX_STATE_LENGTH);

        PendingSignIn pending = repository.takePendingSignIn(SignInSecrets.hashOfState(state))
                .orElseThrow(() -> InvalidInputException.of("state",
                        "is unknown or was already used; start the sign-in again with GET /auth/external/entra/auth-url"));
        if (pending.isExpired(clock.instant())) {
            throw InvalidInputException.of("state", "has expired, because a sign-in must finish within "
                    + BeginSingleSignOn.LIFETIME.toMinutes() + " minutes; start it again with GET /auth/external/entra/auth-url");
        }

        ExternalIdentity identity = provider.redeem(code, pending.redirectUri(), pending.codeVerifier(), pending.nonce());

        SingleSignOnSettings settings = repository.settingsOfTenant(identity.tenantId())
                .orElseThrow(() -> reject(Optional.empty(), identity, origin, "tenant_not_allowed",
                        "Your Microsoft Entra tenant is not allowed to sign in here. Ask your Admin to allow it."));
        User user = findOrCreateUser(settings, identity, origin);
        if (!AccountStanding.canLogIn(user, organizations)) {
            throw reject(Optional.of(settings.organizationId()), identity, origin, "account_inactive",
                    "Your account or your organization is deactivated.");
        }

        Authentication authentication = startSession.start(user, "entra", origin);
        record(AuditEventType.SSO_LOGIN_SUCCEEDED, user, identity, origin);
        return authentication;
    }

    private User findOrCreateUser(SingleSignOnSettings settings, ExternalIdentity identity, RequestOrigin origin) {
        OrganizationId organizationId = settings.organizationId();
        Optional<UserId> linked = repository.linkedUser(identity.tenantId(), identity.objectId());
        if (linked.isPresent()) {
            return users.findById(linked.get())
                    .filter(user -> user.organizationId().equals(organizationId))
                    .orElseThrow(() -> reject(Optional.of(organizationId), identity, origin, "linked_user_elsewhere",
                            "Your Microsoft account is linked to a user of another organization."));
        }

        Optional<User> sameEmail = identity.verifiedEmail().flatMap(users::findByEmail);
        if (sameEmail.isPresent()) {
            return link(sameEmail.get(), organizationId, identity, origin);
        }

        if (settings.unknownUsers() == UnknownUserPolicy.CREATE) {
            return create(settings, identity, origin);
        }
        throw reject(Optional.of(organizationId), identity, origin, "unknown_user",
                "No user of your organization matches your Microsoft account. Ask your Admin to add you.");
    }

    /** Links an existing user found by verified email, which works once per user. */
    private User link(User user, OrganizationId organizationId, ExternalIdentity identity, RequestOrigin origin) {
        if (!user.organizationId().equals(organizationId)) {
            throw reject(Optional.of(organizationId), identity, origin, "email_of_other_organization",
                    "Your email belongs to a user of another organization.");
        }
        if (!repository.link(user.id(), identity.tenantId(), identity.objectId(), clock.instant())) {
            throw reject(Optional.of(organizationId), identity, origin, "user_linked_to_other_identity",
                    "The user with your email is already linked to another Microsoft account.");
        }
        LOG.log(Level.INFO, "Linked user {0} to Entra object {1} of tenant {2}", user.id(), identity.objectId(),
                identity.tenantId());
        record(AuditEventType.SSO_USER_LINKED, user, identity, origin);
        return user;
    }

    private User create(SingleSignOnSettings settings, ExternalIdentity identity, RequestOrigin origin) {
        OrganizationId organizationId = settings.organizationId();
        if (identity.verifiedEmail().isEmpty()) {
            throw reject(Optional.of(organizationId), identity, origin, "email_not_verified",
                    "Your Microsoft account has no verified email, so no user can be created for it.");
        }
        EmailAddress email = identity.verifiedEmail().get();
        Optional<Group> group = settings.defaultGroupId().flatMap(id -> organizations.findGroup(organizationId, id));
        if (group.isEmpty()) {
            LOG.log(Level.WARNING, "Organization {0} creates single sign-on users in group {1}, which no longer exists",
                    organizationId, settings.defaultGroupId().orElse(null));
            throw reject(Optional.of(organizationId), identity, origin, "default_group_missing",
                    "Your organization's group for new users no longer exists. Ask your Admin to choose another.");
        }

        User user = new User(UserId.random(), organizationId, email, displayName(identity, email), Optional.empty(),
                false, true, clock.instant());
        users.add(user, List.of(new Membership(user.id(), group.get().id(), Role.USER)));
        repository.link(user.id(), identity.tenantId(), identity.objectId(), clock.instant());

        LOG.log(Level.INFO, "Created user {0} in organization {1} for Entra object {2} of tenant {3}", user.id(),
                organizationId, identity.objectId(), identity.tenantId());
        record(AuditEventType.SSO_USER_CREATED, user, identity, origin);
        return user;
    }

    /** Returns the provider's display name if it is a valid name here, else the email's local part. */
    private static String displayName(ExternalIdentity identity, EmailAddress email) {
        if (identity.name().isPresent()) {
            try {
                return DisplayNames.requireValid(identity.name().get(), "name");
            } catch (IllegalArgumentException e) {
                LOG.log(Level.DEBUG, "Display name from the provider is not valid here: {0}", e.getMessage());
            }
        }
        String value = email.value();
        return value.substring(0, value.lastIndexOf('@'));
    }

    private ForbiddenException reject(Optional<OrganizationId> organizationId, ExternalIdentity identity,
            RequestOrigin origin, String reason, String publicMessage) {
        LOG.log(Level.INFO, "Single sign-on rejected ({0}) for Entra object {1} of tenant {2}", reason,
                identity.objectId(), identity.tenantId());
        Map<String, String> details = details(identity);
        details.put("reason", reason);
        auditTrail.record(AuditEventType.SSO_LOGIN_REJECTED, organizationId, AuditActor.anonymous(),
                Optional.empty(), origin.clientIp(), details);
        return new ForbiddenException(publicMessage);
    }

    private void record(AuditEventType type, User user, ExternalIdentity identity, RequestOrigin origin) {
        auditTrail.record(type, Optional.of(user.organizationId()),
                new AuditActor(AuditActor.Kind.USER, Optional.of(user.id().toString())),
                Optional.of(user.id().toString()), origin.clientIp(), details(identity));
    }

    private static Map<String, String> details(ExternalIdentity identity) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tenant_id", identity.tenantId());
        details.put("object_id", identity.objectId());
        return details;
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required; pass the " + field
                    + " that the identity provider added to the redirect URI");
        }
        if (value.length() > maxLength) {
            throw InvalidInputException.of(field, "must be at most " + maxLength + " characters");
        }
    }
}
