package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Password;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validated email, name and optional chosen password of a user about to be created.
 *
 * @throws InvalidInputException naming each invalid field, with field names prefixed by
 *     {@code fieldPrefix}
 */
record NewAccount(EmailAddress email, String name, Optional<Password> password) {

    static NewAccount of(String email, String name, Optional<String> password, String fieldPrefix) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<NewAccount> account = collect(email, name, password, fieldPrefix, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return account.orElseThrow();
    }

    /**
     * Validates like {@link #of} but adds each problem to {@code problems}, so that a caller can
     * report them together with its own; returns empty if any field is invalid.
     */
    static Optional<NewAccount> collect(
            String email, String name, Optional<String> password, String fieldPrefix, List<FieldProblem> problems) {
        int problemsBefore = problems.size();
        EmailAddress parsedEmail = null;
        String validName = null;
        Password chosen = null;
        try {
            parsedEmail = EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(fieldPrefix + "email", e.getMessage()));
        }
        try {
            validName = DisplayNames.requireValid(name, "name");
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(fieldPrefix + "name", e.getMessage()));
        }
        if (password.isPresent()) {
            try {
                chosen = Password.choose(password.get());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(fieldPrefix + "password", e.getMessage()));
            }
        }
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new NewAccount(parsedEmail, validName, Optional.ofNullable(chosen)));
    }
}
