package id.anycheck.auth.application;

import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.OrganizationRepository;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Use case: the operator moves an organization to another plan after a contract change. Running
 * instances apply the new limit once their cached plan expires, without a restart. Thread-safe.
 */
public final class ChangePlan {

    private static final System.Logger LOG = System.getLogger(ChangePlan.class.getName());

    private final OrganizationRepository organizations;
    private final AuditTrail auditTrail;

    public ChangePlan(OrganizationRepository organizations, AuditTrail auditTrail) {
        this.organizations = organizations;
        this.auditTrail = auditTrail;
    }

    /**
     * @throws InvalidInputException for an unknown plan name
     * @throws NotFoundException for an unknown organization
     */
    public void change(OrganizationId organizationId, String planName) {
        Plan plan = Plan.byName(planName).orElseThrow(() -> InvalidInputException.of("plan",
                "unknown plan '" + planName + "'; expected one of " + Arrays.stream(Plan.values())
                        .map(Plan::externalName).collect(Collectors.joining(", "))));

        Organization before = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("Organization " + organizationId + " not found."));
        organizations.changePlan(organizationId, plan);

        auditTrail.record(AuditEventType.ORGANIZATION_PLAN_CHANGED, organizationId, Caller.operator(),
                organizationId.toString(), Map.of("plan_before", before.plan().externalName(),
                        "plan_after", plan.externalName()));
        LOG.log(Level.INFO, "Moved organization {0} from plan {1} to {2}", organizationId,
                before.plan().externalName(), plan.externalName());
    }
}
