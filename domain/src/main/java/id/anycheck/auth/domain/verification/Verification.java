package id.anycheck.auth.domain.verification;

import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to verify a subject with one service, made in one group by a user or an API key.
 *
 * @param subjectJson the subject as a JSON object text, at most {@value #MAX_SUBJECT_BYTES} bytes
 * @param referenceId the client's own reference, if given
 */
public record Verification(
        VerificationId id,
        OrganizationId organizationId,
        GroupId groupId,
        String service,
        VerificationStatus status,
        ApiKeyEnvironment environment,
        Optional<String> referenceId,
        String subjectJson,
        Optional<UserId> createdByUser,
        Optional<ApiKeyId> createdByKey,
        Instant createdAt) {

    public static final int MAX_SUBJECT_BYTES = 16 * 1024;
    public static final int MAX_REFERENCE_ID_LENGTH = 200;

    public Verification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(subjectJson, "subjectJson");
        Objects.requireNonNull(createdByUser, "createdByUser");
        Objects.requireNonNull(createdByKey, "createdByKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdByUser.isPresent() == createdByKey.isPresent()) {
            throw new IllegalArgumentException("a verification is created by either a user or an API key");
        }
    }
}
