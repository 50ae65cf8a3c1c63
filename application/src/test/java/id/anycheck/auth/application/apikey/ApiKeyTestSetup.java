package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** An organization with an Admin, a Manager and a User, and the API key use cases wired to fakes. */
final class ApiKeyTestSetup {

    static final Duration CACHE_TIME = Duration.ofSeconds(5);

    final InMemoryPorts ports = new InMemoryPorts();
    final User admin = ports.addOrganizationWithAdmin("Acme", "admin@acme.example", "admin password");
    final Group group = ports.organizations().groupsOf(admin.organizationId()).get(0);
    final User manager = ports.addMember(admin.organizationId(), "manager@acme.example",
            Map.of(group.id(), Role.MANAGER));
    final AuditTrail auditTrail = new AuditTrail(ports.auditLog(), ports.clock());
    final Administrators administrators = new Administrators(new Actors(ports.users()));
    final ApiKeyCache cache = new ApiKeyCache(ports.apiKeys(), ports.organizations(), CACHE_TIME, 1000,
            ports.clock());
    final IssueApiKey issue = new IssueApiKey(ports.apiKeys(), ports.organizations(), administrators, auditTrail,
            ports.random(), ports.clock());
    final RotateApiKey rotate = new RotateApiKey(ports.apiKeys(), cache, administrators, auditTrail, ports.random(),
            ports.clock());
    final RevokeApiKey revoke = new RevokeApiKey(ports.apiKeys(), cache, administrators, auditTrail, ports.clock());
    final ListApiKeys list = new ListApiKeys(ports.apiKeys(), administrators);
    final AuthenticateApiKey authenticate = new AuthenticateApiKey(cache, ports.apiKeys(), auditTrail,
            ports.unusualAccess(), ports.clock());

    Caller asAdmin() {
        return callerFor(admin);
    }

    Caller callerFor(User user) {
        return Caller.of(new UserPrincipal(user.id(), user.organizationId(), SessionId.random()), "192.0.2.10");
    }

    IssueApiKeyCommand command(String environment) {
        return new IssueApiKeyCommand(admin.organizationId(), group.id().toString(), "Billing server", environment,
                Optional.empty());
    }

    IssuedApiKey issueLiveKey() {
        return issue.issue(command("live"), asAdmin());
    }

    GroupId groupId() {
        return group.id();
    }
}
