package id.anycheck.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.sso.BeginSingleSignOn;
import id.anycheck.auth.application.sso.CompleteSingleSignOn;
import id.anycheck.auth.application.sso.SingleSignOnAdministration;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Handlers of {@code /auth/external/entra/auth-url} and {@code /auth/external/entra/callback},
 * and the reading and writing of the {@code sso} settings of {@code /organizations/current}.
 */
final class SingleSignOnRoutes {

    record AuthUrlResponse(String authUrl) {
    }

    /** The {@code sso} field of the organization response. */
    record SettingsResponse(boolean enabled, List<String> allowedTenantIds, String unknownUsers, String defaultGroupId) {

        static SettingsResponse of(SingleSignOnSettings settings) {
            return new SettingsResponse(settings.enabled(), settings.allowedTenantIds().stream().sorted().toList(),
                    settings.unknownUsers().externalName(), settings.defaultGroupId().map(GroupId::toString).orElse(null));
        }
    }

    private static final String REDIRECT_URI = "redirect_uri";
    private static final String CODE = "code";
    private static final String STATE = "state";
    private static final Set<String> SETTINGS_FIELDS = Set.of("allowed_tenant_ids", "unknown_users", "default_group_id");

    private final BeginSingleSignOn begin;
    private final CompleteSingleSignOn complete;
    private final long maxBodyBytes;

    SingleSignOnRoutes(UseCases useCases, HttpSettings settings) {
        this.begin = useCases.beginSingleSignOn();
        this.complete = useCases.completeSingleSignOn();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void authUrl(Context ctx) {
        Optional<String> redirectUri = singleQueryParam(ctx, REDIRECT_URI);

        URI url = begin.begin(redirectUri);

        // Each URL carries a fresh single-use state, so no cache may hand it out twice.
        AuthRoutes.noStore(ctx);
        Envelope.bare(ctx, 200, new AuthUrlResponse(url.toString()));
    }

    void callbackWithQuery(Context ctx) {
        String code = singleQueryParam(ctx, CODE).orElse(null);
        String state = singleQueryParam(ctx, STATE).orElse(null);
        respond(ctx, complete.complete(code, state, AuthRoutes.origin(ctx)));
    }

    void callbackWithBody(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String code = body.requiredString(CODE);
        String state = body.requiredString(STATE);
        body.validate();

        respond(ctx, complete.complete(code, state, AuthRoutes.origin(ctx)));
    }

    private static void respond(Context ctx, Authentication authentication) {
        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 200, AuthRoutes.TokenResponse.of(authentication));
    }

    /** Returns a query parameter, and rejects one that appears more than once, because its value is ambiguous. */
    private static Optional<String> singleQueryParam(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.invalidField(name, "must appear once in the query");
        }
        return values.stream().findFirst();
    }

    /**
     * Reads the {@code sso} object of {@code PATCH /organizations/current}, recording each
     * problem in {@code body}. Returns empty when the field is absent or null, or invalid.
     */
    static Optional<SingleSignOnAdministration.Change> readSettings(JsonBody body) {
        Optional<JsonNode> node = body.optionalNode("sso");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode sso = node.get();
        if (!sso.isObject()) {
            body.addProblem("sso", "must be a JSON object");
            return Optional.empty();
        }
        int problemsBefore = body.problemCount();
        for (Iterator<String> names = sso.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SETTINGS_FIELDS.contains(name)) {
                body.addProblem("sso." + name, "is not a field of the single sign-on settings");
            }
        }
        Set<String> tenantIds = tenantIds(body, sso.get("allowed_tenant_ids"));
        Optional<UnknownUserPolicy> unknownUsers = unknownUsers(body, sso.get("unknown_users"));
        Optional<GroupId> defaultGroupId = defaultGroupId(body, sso.get("default_group_id"));
        if (body.problemCount() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SingleSignOnAdministration.Change(tenantIds, unknownUsers.orElseThrow(), defaultGroupId));
    }

    private static Set<String> tenantIds(JsonBody body, JsonNode value) {
        if (value == null || value.isNull()) {
            body.addProblem("sso.allowed_tenant_ids", "is required; send [] to disable single sign-on");
            return Set.of();
        }
        List<String> tenantIds = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> tenantIds.add(element.isTextual() ? element.textValue() : null));
        }
        if (!value.isArray() || tenantIds.contains(null)) {
            body.addProblem("sso.allowed_tenant_ids", "must be a list of tenant ids");
            return Set.of();
        }
        return new HashSet<>(tenantIds);
    }

    private static Optional<UnknownUserPolicy> unknownUsers(JsonBody body, JsonNode value) {
        Optional<UnknownUserPolicy> policy = value != null && value.isTextual()
                ? UnknownUserPolicy.byExternalName(value.textValue())
                : Optional.empty();
        if (policy.isEmpty()) {
            body.addProblem("sso.unknown_users", "must be \"reject\" or \"create\"");
        }
        return policy;
    }

    private static Optional<GroupId> defaultGroupId(JsonBody body, JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GroupId.parse(value.isTextual() ? value.textValue() : ""));
        } catch (IllegalArgumentException e) {
            body.addProblem("sso.default_group_id", "must be a group id (a UUID) or null");
            return Optional.empty();
        }
    }
}
