package id.anycheck.auth.application.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.audit.AuditEvent;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueApiKeyTest {

    private final ApiKeyTestSetup setup = new ApiKeyTestSetup();

    @Test
    void issueStoresOnlyHashAndReturnsKeyOnce() {
        IssuedApiKey issued = setup.issueLiveKey();

        ApiKey stored = setup.ports.apiKeys().findByLookupId(issued.plaintext().lookupId()).orElseThrow();
        assertThat(stored).isEqualTo(issued.key());
        assertThat(stored.secretHash()).isEqualTo(issued.plaintext().hash()).doesNotContain(issued.plaintext().reveal());
        assertThat(issued.plaintext().reveal()).startsWith("ak_live_");
    }

    @Test
    void issueDefaultsToNinetyDays() {
        IssuedApiKey issued = setup.issueLiveKey();

        assertThat(issued.key().expiresAt()).isEqualTo(setup.ports.clock().instant().plus(Duration.ofDays(90)));
    }

    @Test
    void issueAcceptsShorterLifetime() {
        IssuedApiKey issued = setup.issue.issue(new IssueApiKeyCommand(setup.admin.organizationId(),
                setup.groupId().toString(), "Short", "test", Optional.of(7)), setup.asAdmin());

        assertThat(issued.key().expiresAt()).isEqualTo(setup.ports.clock().instant().plus(Duration.ofDays(7)));
        assertThat(issued.key().environment()).isEqualTo(ApiKeyEnvironment.TEST);
    }

    @Test
    void issueRejectsEveryInvalidField() {
        IssueApiKeyCommand command = new IssueApiKeyCommand(setup.admin.organizationId(), "not-a-uuid", " ",
                "prod", Optional.of(91));

        assertThatThrownBy(() -> setup.issue.issue(command, setup.asAdmin()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("group_id", "name", "environment", "expires_in_days"));
        assertThat(setup.ports.apiKeys().list(setup.admin.organizationId(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void issueRejectsGroupOfOtherOrganization() {
        User otherAdmin = setup.ports.addOrganizationWithAdmin("Other", "admin@other.example", "admin password");
        GroupId otherGroup = setup.ports.organizations().groupsOf(otherAdmin.organizationId()).get(0).id();
        IssueApiKeyCommand command = new IssueApiKeyCommand(setup.admin.organizationId(), otherGroup.toString(),
                "Billing", "live", Optional.empty());

        assertThatThrownBy(() -> setup.issue.issue(command, setup.asAdmin()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void managerCannotIssue() {
        assertThatThrownBy(() -> setup.issue.issue(setup.command("live"), setup.callerFor(setup.manager)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void adminOfOtherOrganizationCannotIssue() {
        User otherAdmin = setup.ports.addOrganizationWithAdmin("Other", "admin@other.example", "admin password");

        assertThatThrownBy(() -> setup.issue.issue(setup.command("live"), setup.callerFor(otherAdmin)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deactivatedAdminCannotIssue() {
        setup.ports.users().setActive(setup.admin.id(), false);

        // A deactivated user's sessions are over, as on every other endpoint.
        assertThatThrownBy(() -> setup.issueLiveKey()).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(AuthenticationFailure.TOKEN_REVOKED));
    }

    @Test
    void operatorIssuesForUnknownOrganizationGetsNotFound() {
        IssueApiKeyCommand command = new IssueApiKeyCommand(OrganizationId.random(), setup.groupId().toString(),
                "Billing", "live", Optional.empty());

        assertThatThrownBy(() -> setup.issue.issue(command, Caller.operator()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void operatorIssueHasNoCreatingUser() {
        IssuedApiKey issued = setup.issue.issue(setup.command("live"), Caller.operator());

        assertThat(issued.key().createdBy().isOperator()).isTrue();
    }

    @Test
    void issueBeyondContractLimitConflicts() {
        setup.ports.apiKeys().setLimit(setup.admin.organizationId(), 1);
        setup.issueLiveKey();

        assertThatThrownBy(() -> setup.issueLiveKey())
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("contract limit of 1 active API keys");
    }

    @Test
    void issueIsAudited() {
        IssuedApiKey issued = setup.issueLiveKey();

        AuditEvent event = setup.ports.auditLog().eventsOfType(AuditEventType.API_KEY_ISSUED).get(0);
        assertThat(event.organizationId()).contains(setup.admin.organizationId());
        assertThat(event.actor().id()).contains(setup.admin.id().toString());
        assertThat(event.targetId()).contains(issued.key().id().toString());
        assertThat(event.clientIp()).contains("192.0.2.10");
        assertThat(event.details().values()).doesNotContain(issued.plaintext().reveal());
    }
}
