package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions that a call throws one of the domain exceptions, returning what tests compare. */
final class Rejections {

    private Rejections() {
    }

    /** Asserts that the call throws an {@link AuthenticationException} and returns its failure. */
    static AuthenticationFailure failureOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        return ((AuthenticationException) thrown).failure();
    }

    /** Asserts that the call throws an {@link InvalidInputException} and returns the fields it names. */
    static List<String> invalidFieldsOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) thrown).problems().stream().map(FieldProblem::field).toList();
    }
}
