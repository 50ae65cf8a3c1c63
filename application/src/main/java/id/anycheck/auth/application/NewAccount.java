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
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewAccount(parsedEmail, validName, Optional.ofNullable(chosen));
    }
}
