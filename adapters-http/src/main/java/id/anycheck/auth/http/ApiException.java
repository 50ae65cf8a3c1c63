package id.anycheck.auth.http;

import id.anycheck.auth.domain.error.FieldProblem;
import java.util.List;
import java.util.Objects;

/** Thrown by the HTTP layer to respond with an error envelope, which {@link ErrorMapper} writes. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String publicMessage;
    private final transient List<FieldProblem> details;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage(), List.of());
    }

    public ApiException(ErrorCode code, String publicMessage) {
        this(code, publicMessage, List.of());
    }

    public ApiException(ErrorCode code, String publicMessage, List<FieldProblem> details) {
        super(code + ": " + publicMessage, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.publicMessage = Objects.requireNonNull(publicMessage, "publicMessage");
        this.details = List.copyOf(details);
    }

    /** Creates a VALIDATION_ERROR naming one field. */
    public static ApiException invalidField(String field, String problem) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(),
                List.of(new FieldProblem(field, problem)));
    }

    public ErrorCode code() {
        return code;
    }

    public String publicMessage() {
        return publicMessage;
    }

    public List<FieldProblem> details() {
        return details;
    }
}
