package id.anycheck.auth.domain.error;

import java.util.List;

/** Thrown when a command has missing or invalid fields; nothing has been changed. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("invalid input: " + problems, null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String problem) {
        return new InvalidInputException(List.of(new FieldProblem(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
