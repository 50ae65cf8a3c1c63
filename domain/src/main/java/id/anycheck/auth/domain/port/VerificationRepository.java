package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.verification.Verification;
import id.anycheck.auth.domain.verification.VerificationId;
import id.anycheck.auth.domain.verification.VerificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: stored verification requests. Implementations are thread-safe. */
public interface VerificationRepository {

    /** Position in a list of verifications ordered from newest to oldest, then by id. */
    record Cursor(Instant createdAt, VerificationId id) {
    }

    /**
     * Conditions a listed verification meets. An empty {@code groups} means every group of the
     * organization.
     */
    record Filter(
            Optional<Set<GroupId>> groups,
            Optional<String> service,
            Optional<VerificationStatus> status,
            Optional<String> referenceId,
            Optional<Instant> createdFrom,
            Optional<Instant> createdBefore,
            Optional<ApiKeyEnvironment> environment) {

        /** Returns this filter restricted to those groups. */
        public Filter withGroups(Optional<Set<GroupId>> onlyGroups) {
            return new Filter(onlyGroups, service, status, referenceId, createdFrom, createdBefore, environment);
        }

        /** Returns this filter restricted to one environment. */
        public Filter withEnvironment(ApiKeyEnvironment onlyEnvironment) {
            return new Filter(groups, service, status, referenceId, createdFrom, createdBefore,
                    Optional.of(onlyEnvironment));
        }
    }

    void add(Verification verification);

    /** Returns a verification of the organization, or empty if it does not exist there. */
    Optional<Verification> findById(OrganizationId organizationId, VerificationId id);

    /** Returns up to {@code limit} matching verifications of the organization after the cursor, newest first. */
    List<Verification> list(OrganizationId organizationId, Filter filter, Optional<Cursor> after, int limit);
}
