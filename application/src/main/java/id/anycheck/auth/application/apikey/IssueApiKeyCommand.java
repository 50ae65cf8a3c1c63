package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Request to issue an API key in an organization, with the fields as typed.
 *
 * @param expiresInDays the key's lifetime in days, 1 to 90, or empty for 90
 */
public record IssueApiKeyCommand(
        OrganizationId organizationId, String groupId, String name, String environment,
        Optional<Integer> expiresInDays) {

    public static final int MAX_EXPIRES_IN_DAYS = (int) ApiKey.MAX_LIFETIME.toDays();

    /** The command's fields once valid. */
    record Valid(OrganizationId organizationId, GroupId groupId, String name, ApiKeyEnvironment environment,
            int expiresInDays) {
    }

    public IssueApiKeyCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(expiresInDays, "expiresInDays");
    }

    /**
     * Checks every field and returns them parsed.
     *
     * @throws InvalidInputException naming each invalid field at once: group_id, name,
     *     environment, expires_in_days
     */
    Valid validate() {
        List<FieldProblem> problems = new ArrayList<>();
        GroupId validGroupId = null;
        try {
            validGroupId = GroupId.parse(groupId);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("group_id", "must be a group id (a UUID)"));
        }
        String validName = null;
        try {
            validName = DisplayNames.requireValid(name, "name");
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("name", e.getMessage()));
        }
        Optional<ApiKeyEnvironment> validEnvironment = ApiKeyEnvironment.byName(environment);
        if (validEnvironment.isEmpty()) {
            problems.add(new FieldProblem("environment", "must be live or test"));
        }
        int days = expiresInDays.orElse(MAX_EXPIRES_IN_DAYS);
        problems.addAll(lifetimeProblems(expiresInDays));

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(organizationId, validGroupId, validName, validEnvironment.get(), days);
    }

    /** Checks every field, for callers outside this package that reject bad input before opening storage. */
    public void requireValid() {
        validate();
    }

    /** Checks a requested lifetime in days: empty, or 1 to 90. */
    static List<FieldProblem> lifetimeProblems(Optional<Integer> expiresInDays) {
        if (expiresInDays.isPresent() && (expiresInDays.get() < 1 || expiresInDays.get() > MAX_EXPIRES_IN_DAYS)) {
            return List.of(new FieldProblem("expires_in_days", "must be 1 to " + MAX_EXPIRES_IN_DAYS));
        }
        return List.of();
    }
}
