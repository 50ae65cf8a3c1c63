package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Operator's request to set up a customer after a signed contract, as typed. {@link #validate()}
 * checks every field; {@link ProvisionOrganization} calls it, and a caller may call it first to
 * reject bad input before it opens any storage.
 *
 * @param adminPassword the Admin's password, or empty to generate a one-time password
 */
public record ProvisionOrganizationCommand(
        String name, String plan, String adminEmail, String adminName, Optional<String> adminPassword) {

    /** The command's fields once valid. */
    record Valid(String name, Plan plan, NewAccount admin) {
    }

    /**
     * Checks every field and returns them parsed.
     *
     * @throws InvalidInputException naming each invalid field at once: name, plan, admin_email,
     *     admin_name, admin_password
     */
    Valid validate() {
        List<FieldProblem> problems = new ArrayList<>();
        String validName = null;
        try {
            validName = DisplayNames.requireValid(name, "name");
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("name", e.getMessage()));
        }
        Optional<Plan> validPlan = Plan.byName(plan);
        if (validPlan.isEmpty()) {
            problems.add(new FieldProblem("plan", "unknown plan '" + plan + "'; expected one of " + planNames()));
        }
        Optional<NewAccount> admin = NewAccount.collect(adminEmail, adminName, adminPassword, "admin_", problems);

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(validName, validPlan.get(), admin.orElseThrow());
    }

    /** Checks every field, for callers outside this package. */
    public void requireValid() {
        validate();
    }

    private static String planNames() {
        return Arrays.stream(Plan.values()).map(Plan::externalName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "ProvisionOrganizationCommand[name=" + name + ", plan=" + plan + "]";
    }
}
