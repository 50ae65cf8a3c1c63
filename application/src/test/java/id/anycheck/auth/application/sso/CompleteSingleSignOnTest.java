package id.anycheck.auth.application.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.application.fakes.InMemorySingleSignOnRepository;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.IdentityProviderException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.SingleSignOnNotConfiguredException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.port.IdentityProvider;
import id.anycheck.auth.domain.sso.AuthorizationRequest;
import id.anycheck.auth.domain.sso.ExternalIdentity;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompleteSingleSignOnTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String REDIRECT_URI = "https://app.example/sso/callback";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final InMemorySingleSignOnRepository repository = new InMemorySingleSignOnRepository();
    private final RecordingProvider provider = new RecordingProvider();
    private final User admin = ports.addOrganizationWithAdmin("Acme Bank", "admin@acme.example", "admin password 1");
    private final Group group = ports.addGroup(admin.organizationId(), "Signed in");
    private final AuditTrail auditTrail = new AuditTrail(ports.auditLog(), ports.clock());
    private final BeginSingleSignOn begin = new BeginSingleSignOn(Optional.of(provider), repository,
            new BeginSingleSignOn.RedirectUris(REDIRECT_URI, Set.of()), ports.random(), ports.clock());
    private final CompleteSingleSignOn complete = new CompleteSingleSignOn(Optional.of(provider), repository,
            ports.users(), ports.organizations(),
            ports.startSession(), auditTrail,
            ports.clock());

    @Test
    void redeemsWithStoredVerifierAndNonce() {
        allow(UnknownUserPolicy.REJECT);
        provider.identity = identity(UUID.randomUUID().toString(), Optional.of(admin.email()));
        String state = start();

        complete.complete("the-code", state, RequestOrigin.unknown());

        assertThat(provider.redeemedCode).isEqualTo("the-code");
        assertThat(provider.redeemedRedirectUri).isEqualTo(REDIRECT_URI);
        assertThat(provider.redeemedNonce).isEqualTo(provider.requested.nonce());
        assertThat(new SignInSecrets("s", "n", provider.redeemedVerifier).codeChallenge())
                .isEqualTo(provider.requested.codeChallenge());
    }

    @Test
    void stateHashIsStoredNotState() {
        String state = start();

        assertThat(repository.pendingCount()).isEqualTo(1);
        assertThat(repository.takePendingSignIn(state)).isEmpty();
        assertThat(repository.takePendingSignIn(SignInSecrets.hashOfState(state))).isPresent();
    }

    @Test
    void verifiedEmailLinksUser() {
        allow(UnknownUserPolicy.REJECT);
        String objectId = UUID.randomUUID().toString();
        provider.identity = identity(objectId, Optional.of(admin.email()));

        Authentication authentication = complete.complete("code", start(), RequestOrigin.unknown());

        assertThat(authentication.user().id()).isEqualTo(admin.id());
        assertThat(repository.linkedUser(TENANT, objectId)).contains(admin.id());
        assertThat(ports.auditLog().eventsOfType(AuditEventType.SSO_USER_LINKED)).hasSize(1);
        assertThat(ports.auditLog().eventsOfType(AuditEventType.SSO_LOGIN_SUCCEEDED)).hasSize(1);
    }

    @Test
    void emailOfOtherOrganizationRejected() {
        allow(UnknownUserPolicy.CREATE);
        User other = ports.addOrganizationWithAdmin("Other Bank", "admin@other.example", "admin password 2");
        provider.identity = identity(UUID.randomUUID().toString(), Optional.of(other.email()));

        assertThatThrownBy(() -> complete.complete("code", start(), RequestOrigin.unknown()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("another organization");
        assertThat(ports.auditLog().eventsOfType(AuditEventType.SSO_LOGIN_REJECTED)).hasSize(1);
    }

    @Test
    void linkToUserOfOtherOrganizationRejected() {
        allow(UnknownUserPolicy.REJECT);
        User other = ports.addOrganizationWithAdmin("Other Bank", "admin@other.example", "admin password 2");
        String objectId = UUID.randomUUID().toString();
        repository.link(other.id(), TENANT, objectId, ports.clock().instant());
        provider.identity = identity(objectId, Optional.empty());

        assertThatThrownBy(() -> complete.complete("code", start(), RequestOrigin.unknown()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("another organization");
    }

    @Test
    void createdUserIsUserOfDefaultGroup() {
        allow(UnknownUserPolicy.CREATE);
        provider.identity = identity(UUID.randomUUID().toString(), Optional.of(EmailAddress.parse("new@acme.example")));

        Authentication authentication = complete.complete("code", start(), RequestOrigin.unknown());

        User created = authentication.user();
        assertThat(created.email().value()).isEqualTo("new@acme.example");
        assertThat(created.passwordHash()).isEmpty();
        assertThat(created.admin()).isFalse();
        assertThat(ports.users().groupRolesOf(created.id())).extracting(GroupRole::role).containsExactly(Role.USER);
        assertThat(ports.users().groupRolesOf(created.id())).extracting(role -> role.group().id())
                .containsExactly(group.id());
    }

    @Test
    void invalidDisplayNameFallsBackToEmail() {
        allow(UnknownUserPolicy.CREATE);
        provider.identity = new ExternalIdentity(TENANT, UUID.randomUUID().toString(),
                Optional.of(EmailAddress.parse("kim@acme.example")), Optional.of("\u0000"));

        Authentication authentication = complete.complete("code", start(), RequestOrigin.unknown());

        assertThat(authentication.user().name()).isEqualTo("kim");
    }

    @Test
    void deletedDefaultGroupRejectsCreation() {
        allow(UnknownUserPolicy.CREATE);
        ports.organizations().deleteGroup(admin.organizationId(), group.id(), ports.clock().instant());
        provider.identity = identity(UUID.randomUUID().toString(), Optional.of(EmailAddress.parse("new@acme.example")));

        assertThatThrownBy(() -> complete.complete("code", start(), RequestOrigin.unknown()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("no longer exists");
    }

    @Test
    void expiredStateIsConsumed() {
        allow(UnknownUserPolicy.REJECT);
        String state = start();
        ports.clock().advance(BeginSingleSignOn.LIFETIME);

        assertThatThrownBy(() -> complete.complete("code", state, RequestOrigin.unknown()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(repository.pendingCount()).isZero();
        assertThat(provider.redeemedCode).isNull();
    }

    @Test
    void providerFailureStartsNoSession() {
        allow(UnknownUserPolicy.REJECT);
        provider.failure = new IdentityProviderException(IdentityProviderException.Reason.CODE_REJECTED, "test");

        assertThatThrownBy(() -> complete.complete("code", start(), RequestOrigin.unknown()))
                .isSameAs(provider.failure);
        assertThat(ports.sessions().sessionIdsOf(admin.id())).isEmpty();
    }

    @Test
    void missingProviderMeansNotConfigured() {
        CompleteSingleSignOn unconfigured = new CompleteSingleSignOn(Optional.empty(), repository, ports.users(),
                ports.organizations(),
                ports.startSession(), auditTrail,
                ports.clock());

        assertThatThrownBy(() -> unconfigured.complete("code", "state", RequestOrigin.unknown()))
                .isInstanceOf(SingleSignOnNotConfiguredException.class);
    }

    @Test
    void overlongStateRejected() {
        assertThatThrownBy(() -> complete.complete("code", "s".repeat(CompleteSingleSignOn.MAX_STATE_LENGTH + 1),
                RequestOrigin.unknown()))
                .isInstanceOf(InvalidInputException.class);
    }

    private void allow(UnknownUserPolicy policy) {
        repository.saveSettings(new SingleSignOnSettings(admin.organizationId(), Set.of(TENANT), policy,
                policy == UnknownUserPolicy.CREATE ? Optional.of(group.id()) : Optional.empty()),
                ports.clock().instant());
    }

    /** Starts a sign-in and returns its state, as the provider received it. */
    private String start() {
        begin.begin(Optional.empty());
        return provider.requested.state();
    }

    private static ExternalIdentity identity(String objectId, Optional<EmailAddress> email) {
        return new ExternalIdentity(TENANT, objectId, email, Optional.of("Kim Signin"));
    }

    /** An identity provider that records its calls and returns a chosen identity or failure. */
    private static final class RecordingProvider implements IdentityProvider {

        AuthorizationRequest requested;
        ExternalIdentity identity;
        IdentityProviderException failure;
        String redeemedCode;
        String redeemedRedirectUri;
        String redeemedVerifier;
        String redeemedNonce;

        @Override
        public URI authorizationUrl(AuthorizationRequest request) {
            requested = request;
            return URI.create("https://login.example/authorize");
        }

        @Override
        public ExternalIdentity redeem(String code, String redirectUri, String codeVerifier, String nonce) {
            redeemedCode = code;
            redeemedRedirectUri = redirectUri;
            redeemedVerifier = codeVerifier;
            redeemedNonce = nonce;
            if (failure != null) {
                throw failure;
            }
            return identity;
        }
    }
}
