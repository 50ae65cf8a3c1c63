package id.anycheck.auth.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and in every log line of the
 * request. A client's own id is kept when it is short and plain, so that a call can be
 * traced across services. Any other value is replaced, so that it cannot forge log lines.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "anycheck.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String id = saneOrNew(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        // Added, not set: this is the response's first header, so there is nothing to replace.
        ctx.res().addHeader(HEADER, id);
        // Jetty reuses threads: start from an empty context, so nothing of an earlier request leaks in.
        MDC.clear();
        MDC.put(MDC_KEY, id);
    }

    /** Returns the client's id if it is short and plain, else a new random one. */
    static String saneOrNew(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * Returns a random version-4 UUID. A request id must be unique, not unguessable, so it
     * comes from the thread's fast generator rather than from SecureRandom, which every request
     * would otherwise queue on.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "";
    }
}
