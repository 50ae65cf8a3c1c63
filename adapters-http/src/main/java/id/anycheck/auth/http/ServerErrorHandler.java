package id.anycheck.auth.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the error envelope for requests that Jetty rejects before they reach Javalin, such as a
 * malformed request line (400), a URI too long (414) or headers too large (431), in place of
 * Jetty's HTML page. Thread-safe.
 */
final class ServerErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorHandler.class);

    @Override
    protected void generateResponse(Request request, Response response, int status, String message,
            Throwable cause, Callback callback) {
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            // 505 is an unknown HTTP version: the client's request is wrong, not the server.
            default -> status < 500 || status == 505 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        // Jetty often rejects a request before it has parsed the headers; then a new id is made.
        String requestId = RequestIds.saneOrNew(request.getHeaders().get(RequestIds.HEADER));
        LOG.info("Rejected a request before routing with {} {}: {} request_id={}", status, code, message, requestId);

        byte[] body = Json.write(new Envelope.Failure(false,
                new Envelope.ErrorBody(code.name(), code.defaultMessage(), List.of(), requestId)));
        response.setStatus(code.status() == status ? status : code.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Envelope.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
