package id.anycheck.auth.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.anycheck.auth.domain.error.FieldProblem;
import io.javalin.http.Context;
import java.util.List;

/** Writes every JSON response in the envelope {@code {"success": ..., "data" | "error": ...}}. */
final class Envelope {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Context attribute set once a response body is written, so error handlers leave it alone. */
    static final String WRITTEN = "anycheck.envelope-written";
    /** Context attribute holding the {@link ErrorCode} of a failure response, read by {@link HttpMetrics}. */
    static final String ERROR_CODE = "anycheck.error-code";

    record Success(boolean success, Object data) {
    }

    record Failure(boolean success, ErrorBody error) {
    }

    /** @param mfaToken the challenge of an MFA_REQUIRED login, absent from every other error */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ErrorBody(String code, String message, List<FieldProblem> details, String requestId, String mfaToken) {

        ErrorBody(String code, String message, List<FieldProblem> details, String requestId) {
            this(code, message, details, requestId, null);
        }
    }

    private Envelope() {
    }

    static void success(Context ctx, int status, Object data) {
        write(ctx, status, new Success(true, data));
    }

    static void failure(Context ctx, ErrorCode code, String message, List<FieldProblem> details) {
        ctx.attribute(ERROR_CODE, code);
        write(ctx, code.status(), new Failure(false, new ErrorBody(code.name(), message, details, RequestIds.of(ctx))));
    }

    /** Writes the 401 MFA_REQUIRED of a login whose password was right, with the MFA token to present next. */
    static void mfaRequired(Context ctx, String mfaToken) {
        ErrorCode code = ErrorCode.MFA_REQUIRED;
        ctx.attribute(ERROR_CODE, code);
        write(ctx, code.status(), new Failure(false,
                new ErrorBody(code.name(), code.defaultMessage(), List.of(), RequestIds.of(ctx), mfaToken)));
    }

    /**
     * Writes a body without the envelope. Only {@code GET /auth/external/entra/auth-url} does,
     * because the published API reference shows its bare {@code {"auth_url": ...}}.
     */
    static void bare(Context ctx, int status, Object body) {
        write(ctx, status, body);
    }

    static void noContent(Context ctx) {
        ctx.status(204);
        ctx.res().setContentType(null);
        ctx.attribute(WRITTEN, true);
    }

    private static void write(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(Json.write(body));
        ctx.attribute(WRITTEN, true);
    }
}
