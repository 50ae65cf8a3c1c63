package id.anycheck.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.verification.Verifications;
import id.anycheck.auth.domain.Ids;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.VerificationRepository;
import id.anycheck.auth.domain.verification.Verification;
import id.anycheck.auth.domain.verification.VerificationId;
import id.anycheck.auth.domain.verification.VerificationStatus;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Handlers of {@code /verifications}: create a pending verification, list and view them. */
final class VerificationRoutes {

    record VerificationResponse(
            String id,
            String service,
            String status,
            String groupId,
            String environment,
            String referenceId,
            JsonNode subject,
            CreatorSummary createdBy,
            String createdAt) {

        static VerificationResponse of(Verification verification) {
            CreatorSummary creator = verification.createdByUser()
                    .map(userId -> new CreatorSummary("user", userId.toString()))
                    .orElseGet(() -> new CreatorSummary("api_key", verification.createdByKey().orElseThrow().toString()));
            return new VerificationResponse(verification.id().toString(), verification.service(),
                    verification.status().externalName(), verification.groupId().toString(),
                    verification.environment().externalName(), verification.referenceId().orElse(null),
                    Json.read(verification.subjectJson().getBytes(StandardCharsets.UTF_8)), creator,
                    Timestamps.format(verification.createdAt()));
        }
    }

    record VerificationPage(List<VerificationResponse> items, String nextCursor) {
    }

    private final Verifications verifications;
    private final long maxBodyBytes;

    VerificationRoutes(UseCases useCases, HttpSettings settings) {
        this.verifications = useCases.verifications();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String service = body.requiredString("service");
        Optional<String> groupId = body.optionalString("group_id");
        Optional<String> referenceId = body.optionalString("reference_id");
        JsonNode subject = body.requiredObject("subject");
        body.validate();

        Verification created = verifications.create(Callers.of(ctx), new Verifications.NewVerification(
                service, groupId, referenceId, new String(Json.write(subject), StandardCharsets.UTF_8)));

        Envelope.success(ctx, 201, VerificationResponse.of(created));
    }

    void show(Context ctx) {
        VerificationId id = PathIds.parse(ctx, "id", VerificationId::new, "Verification");
        Envelope.success(ctx, 200, VerificationResponse.of(verifications.show(Callers.of(ctx), id)));
    }

    /**
     * Lists verifications, newest first. Filters: {@code group_id}, {@code service},
     * {@code status}, {@code reference_id}, {@code environment}, and {@code since} /
     * {@code until} (ISO-8601 instants, {@code since} inclusive, {@code until} exclusive).
     */
    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Optional<VerificationRepository.Cursor> after = Paging.cursor(ctx)
                .map(position -> new VerificationRepository.Cursor(position.createdAt(),
                        new VerificationId(position.id())));
        VerificationRepository.Filter filter = new VerificationRepository.Filter(
                QueryParams.optional(ctx, "group_id").map(text -> Set.of(groupId(text))),
                QueryParams.optional(ctx, "service"),
                QueryParams.optional(ctx, "status").map(VerificationRoutes::status),
                QueryParams.optional(ctx, "reference_id"),
                QueryParams.optional(ctx, "since").map(text -> QueryParams.instant("since", text)),
                QueryParams.optional(ctx, "until").map(text -> QueryParams.instant("until", text)),
                QueryParams.optional(ctx, "environment").map(VerificationRoutes::environment));

        Page<Verification, VerificationRepository.Cursor> page = verifications.list(Callers.of(ctx), filter, after,
                limit);

        List<VerificationResponse> items = page.items().stream().map(VerificationResponse::of).toList();
        String nextCursor = page.nextCursor()
                .map(cursor -> Paging.encode(cursor.createdAt(), cursor.id().value()))
                .orElse(null);
        Envelope.success(ctx, 200, new VerificationPage(items, nextCursor));
    }

    private static GroupId groupId(String text) {
        try {
            return new GroupId(Ids.parseUuid(text));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("group_id", "must be a group id (a UUID)");
        }
    }

    private static ApiKeyEnvironment environment(String text) {
        return ApiKeyEnvironment.byName(text).orElseThrow(() -> ApiException.invalidField("environment",
                "must be live or test"));
    }

    private static VerificationStatus status(String text) {
        return VerificationStatus.byName(text).orElseThrow(() -> ApiException.invalidField("status",
                "must be pending, processing, completed or failed"));
    }
}
