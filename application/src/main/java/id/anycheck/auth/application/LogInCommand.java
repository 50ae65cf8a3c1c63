package id.anycheck.auth.application;

import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Password;
import java.util.ArrayList;
import java.util.List;

/**
 * Request to log in with email and password from a client; validates itself on construction.
 *
 * @throws InvalidInputException if the email is not an address or the password is empty
 */
public record LogInCommand(EmailAddress email, Password password, RequestOrigin origin) {

    /** Builds the command from the raw strings of a request; null means the field was absent. */
    public static LogInCommand of(String email, String password, RequestOrigin origin) {
        List<FieldProblem> problems = new ArrayList<>();
        EmailAddress parsedEmail = null;
        try {
            parsedEmail = EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("email", e.getMessage()));
        }
        if (password == null) {
            problems.add(new FieldProblem("password", "password is required"));
        } else if (password.isEmpty()) {
            problems.add(new FieldProblem("password", "password must not be empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LogInCommand(parsedEmail, Password.presented(password), origin);
    }
}
