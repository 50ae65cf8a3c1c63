package id.anycheck.auth.http;

import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.apikey.IssueApiKeyCommand;
import id.anycheck.auth.application.apikey.IssuedApiKey;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.principal.Principal;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Handlers of {@code /api-keys}: an organization's Admin lists, issues, rotates and revokes its keys. */
final class ApiKeyRoutes {

    /** A key as listed; {@code key} contains the full key only in the response that issues it. */
    record ApiKeyResponse(
            String id,
            String key,
            String prefix,
            String name,
            String groupId,
            String environment,
            String status,
            String createdAt,
            CreatorSummary createdBy,
            String expiresAt,
            String lastUsedAt,
            String rotatedAt,
            String revokedAt,
            String replacesKeyId) {

        static ApiKeyResponse of(ApiKey key, Optional<String> plaintext, Instant now) {
            CreatorSummary creator = key.createdBy().userId()
                    .map(userId -> new CreatorSummary("user", userId.toString()))
                    .orElseGet(() -> new CreatorSummary("operator", null));
            return new ApiKeyResponse(
                    key.id().toString(),
                    plaintext.orElse(null),
                    key.prefix(),
                    key.name(),
                    key.groupId().toString(),
                    key.environment().externalName(),
                    key.statusAt(now).externalName(),
                    Timestamps.format(key.createdAt()),
                    creator,
                    Timestamps.format(key.expiresAt()),
                    key.lastUsedAt().map(Timestamps::format).orElse(null),
                    key.rotatedAt().map(Timestamps::format).orElse(null),
                    key.revokedAt().map(Timestamps::format).orElse(null),
                    key.replacesKeyId().map(ApiKeyId::toString).orElse(null));
        }

        static ApiKeyResponse issued(IssuedApiKey issued, Instant now) {
            return of(issued.key(), Optional.of(issued.plaintext().reveal()), now);
        }
    }

    record ApiKeyPage(List<ApiKeyResponse> items, String nextCursor) {
    }

    private final UseCases useCases;
    private final long maxBodyBytes;
    private final Clock clock;

    ApiKeyRoutes(UseCases useCases, HttpSettings settings, Clock clock) {
        this.useCases = useCases;
        this.maxBodyBytes = settings.maxBodyBytes();
        this.clock = clock;
    }

    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Optional<ApiKeyRepository.Cursor> after = Paging.cursor(ctx)
                .map(position -> new ApiKeyRepository.Cursor(position.createdAt(), new ApiKeyId(position.id())));
        Principal principal = AuthenticationFilter.principal(ctx);

        Page<ApiKey, ApiKeyRepository.Cursor> page = useCases.listApiKeys()
                .list(principal.organizationId(), after, limit, caller(ctx));

        Instant now = clock.instant();
        List<ApiKeyResponse> items = page.items().stream()
                .map(key -> ApiKeyResponse.of(key, Optional.empty(), now))
                .toList();
        String nextCursor = page.nextCursor()
                .map(cursor -> Paging.encode(cursor.createdAt(), cursor.id().value()))
                .orElse(null);
        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 200, new ApiKeyPage(items, nextCursor));
    }

    void issue(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String name = body.requiredString("name");
        String groupId = body.requiredString("group_id");
        String environment = body.requiredString("environment");
        Optional<Integer> expiresInDays = body.optionalInteger("expires_in_days");
        body.validate();
        Principal principal = AuthenticationFilter.principal(ctx);

        IssuedApiKey issued = useCases.issueApiKey().issue(
                new IssueApiKeyCommand(principal.organizationId(), groupId, name, environment, expiresInDays),
                caller(ctx));

        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 201, ApiKeyResponse.issued(issued, clock.instant()));
    }

    void rotate(Context ctx) {
        ApiKeyId keyId = keyId(ctx);
        JsonBody body = JsonBody.readOptional(ctx, maxBodyBytes);
        Optional<Integer> gracePeriodHours = body.optionalInteger("grace_period_hours");
        Optional<Integer> expiresInDays = body.optionalInteger("expires_in_days");
        body.validate();
        Principal principal = AuthenticationFilter.principal(ctx);

        IssuedApiKey replacement = useCases.rotateApiKey()
                .rotate(principal.organizationId(), keyId, gracePeriodHours, expiresInDays, caller(ctx));

        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 201, ApiKeyResponse.issued(replacement, clock.instant()));
    }

    void revoke(Context ctx) {
        ApiKeyId keyId = keyId(ctx);
        Principal principal = AuthenticationFilter.principal(ctx);

        useCases.revokeApiKey().revoke(principal.organizationId(), keyId, caller(ctx));

        Envelope.noContent(ctx);
    }

    private static Caller caller(Context ctx) {
        return Callers.of(ctx);
    }

    private static ApiKeyId keyId(Context ctx) {
        return PathIds.parse(ctx, "id", ApiKeyId::new, "API key");
    }
}
