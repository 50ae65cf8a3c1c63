package id.anycheck.auth.application.verification;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.VerificationRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import id.anycheck.auth.domain.verification.Verification;
import id.anycheck.auth.domain.verification.VerificationId;
import id.anycheck.auth.domain.verification.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use cases: create and view verification requests. This service records each request as
 * pending; processing it is the job of the verification services behind it. A User creates and
 * views them in their groups, a Manager in the groups they manage, the Admin in every group, and
 * an API key in its own group. Thread-safe.
 */
public final class Verifications {

    /** Fields of a new verification as the client sent them. */
    public record NewVerification(String service, Optional<String> groupId, Optional<String> referenceId,
            String subjectJson) {
    }

    private final VerificationRepository verifications;
    private final OrganizationRepository organizations;
    private final ServiceCatalogue catalogue;
    private final Actors actors;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public Verifications(VerificationRepository verifications, OrganizationRepository organizations,
            ServiceCatalogue catalogue, Actors actors, AuditTrail auditTrail, Clock clock) {
        this.verifications = verifications;
        this.organizations = organizations;
        this.catalogue = catalogue;
        this.actors = actors;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * Records a pending verification. The group may be left out when the caller can create
     * verifications in exactly one group, as an API key always can.
     *
     * @throws ServiceNotEnabledException when the group does not enable the service
     */
    public Verification create(Caller caller, NewVerification request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!catalogue.offers(request.service())) {
            problems.add(new FieldProblem("service", "unknown service '" + request.service() + "'; offered: "
                    + String.join(", ", catalogue.services())));
        }
        if (request.referenceId().filter(id -> id.isBlank() || id.length() > Verification.MAX_REFERENCE_ID_LENGTH)
                .isPresent()) {
            problems.add(new FieldProblem("reference_id",
                    "must be 1 to " + Verification.MAX_REFERENCE_ID_LENGTH + " characters"));
        }
        if (request.subjectJson().getBytes(StandardCharsets.UTF_8).length > Verification.MAX_SUBJECT_BYTES) {
            problems.add(new FieldProblem("subject", "must be at most " + Verification.MAX_SUBJECT_BYTES
                    + " bytes of JSON"));
        }
        Optional<GroupId> requestedGroup = parseGroupId(request.groupId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        GroupId groupId = requestedGroup.orElseGet(() -> onlyGroupOf(actor));

        requireGroup(actor, groupId);
        actor.require(Action.CREATE_VERIFICATION, groupId);
        if (!organizations.servicesOf(groupId).contains(request.service())) {
            throw new ServiceNotEnabledException(request.service(), groupId);
        }

        ApiKeyEnvironment environment = keyEnvironmentOf(caller).orElse(ApiKeyEnvironment.LIVE);
        Verification verification = new Verification(VerificationId.random(), actor.organizationId(), groupId,
                request.service(), VerificationStatus.PENDING, environment, request.referenceId(),
                request.subjectJson(), actor.userId(), actor.apiKeyId(), clock.instant());
        verifications.add(verification);

        auditTrail.record(AuditEventType.VERIFICATION_CREATED, actor.organizationId(), caller,
                verification.id().toString(), Map.of("service", verification.service(),
                        "group_id", groupId.toString(), "environment", environment.externalName()));
        return verification;
    }

    public Verification show(Caller caller, VerificationId id) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        Verification verification = verifications.findById(actor.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("Verification " + id + " not found."));

        boolean otherEnvironment = keyEnvironmentOf(caller)
                .filter(environment -> environment != verification.environment())
                .isPresent();
        if (!actor.can(Action.VIEW_VERIFICATIONS, verification.groupId()) || otherEnvironment) {
            // Outside the caller's groups, or the key's environment, it does not exist for them.
            throw new NotFoundException("Verification " + id + " not found.");
        }
        return verification;
    }

    /**
     * Lists, newest first, the matching verifications of the groups the caller may view. An API
     * key gets only those of its own environment, so a test key cannot read live subjects.
     */
    public Page<Verification, VerificationRepository.Cursor> list(Caller caller,
            VerificationRepository.Filter filter, Optional<VerificationRepository.Cursor> after, int limit) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        Optional<Set<GroupId>> visible = actor.isAdmin()
                ? filter.groups()
                : Optional.of(intersect(actor.groupsWhere(Action.VIEW_VERIFICATIONS), filter.groups()));
        VerificationRepository.Filter allowed = filter.withGroups(visible);
        Optional<ApiKeyEnvironment> keyEnvironment = keyEnvironmentOf(caller);
        if (keyEnvironment.isPresent()) {
            if (filter.environment().filter(requested -> requested != keyEnvironment.get()).isPresent()) {
                return new Page<>(List.of(), Optional.empty());
            }
            allowed = allowed.withEnvironment(keyEnvironment.get());
        }

        // Reading one row more than the limit shows whether a next page exists.
        List<Verification> found = verifications.list(actor.organizationId(), allowed, after, limit + 1);

        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        Verification last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit),
                Optional.of(new VerificationRepository.Cursor(last.createdAt(), last.id())));
    }

    private static Optional<ApiKeyEnvironment> keyEnvironmentOf(Caller caller) {
        return caller.principal()
                .filter(ApiKeyPrincipal.class::isInstance)
                .map(principal -> ((ApiKeyPrincipal) principal).environment());
    }

    private static Set<GroupId> intersect(Set<GroupId> visible, Optional<Set<GroupId>> requested) {
        if (requested.isEmpty()) {
            return visible;
        }
        return requested.get().stream().filter(visible::contains).collect(Collectors.toSet());
    }

    private GroupId onlyGroupOf(Actor actor) {
        Set<GroupId> groups = actor.groupsWhere(Action.CREATE_VERIFICATION);
        if (groups.size() != 1) {
            throw InvalidInputException.of("group_id",
                    "is required unless you are a member of exactly one group or call with an API key");
        }
        return groups.iterator().next();
    }

    private void requireGroup(Actor actor, GroupId groupId) {
        if (organizations.findGroup(actor.organizationId(), groupId).isEmpty()) {
            throw new NotFoundException("Group " + groupId + " not found.");
        }
    }

    private static Optional<GroupId> parseGroupId(Optional<String> text, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GroupId.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("group_id", "must be a group id (a UUID)"));
            return Optional.empty();
        }
    }
}
