package id.anycheck.auth.application.access;

import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.organization.DisplayNames;
import java.util.List;

/** Field checks shared by the administration use cases, which collect every problem of a request. */
final class FieldChecks {

    private FieldChecks() {
    }

    /** Returns the name normalized, or null after adding the problem under {@code name}. */
    static String displayName(String name, List<FieldProblem> problems) {
        try {
            return DisplayNames.requireValid(name, "name");
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("name", e.getMessage()));
            return null;
        }
    }
}
