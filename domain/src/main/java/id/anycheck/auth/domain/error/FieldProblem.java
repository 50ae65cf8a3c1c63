package id.anycheck.auth.domain.error;

import java.util.Objects;

/** One problem with one field of a request, such as {@code email}: "is required". */
public record FieldProblem(String field, String problem) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }
}
