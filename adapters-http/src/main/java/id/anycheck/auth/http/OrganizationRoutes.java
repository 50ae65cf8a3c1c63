package id.anycheck.auth.http;

import id.anycheck.auth.application.access.OrganizationSettings;
import io.javalin.http.Context;
import java.util.Optional;

/** Handlers of {@code /organizations/current}: any member views it, the Admin changes it. */
final class OrganizationRoutes {

    record OrganizationResponse(String id, String name, String plan, boolean active, boolean mfaRequired,
            int apiKeyLimit, String createdAt) {

        static OrganizationResponse of(OrganizationSettings.View view) {
            var organization = view.organization();
            return new OrganizationResponse(organization.id().toString(), organization.name(),
                    organization.plan().externalName(), organization.active(), organization.mfaRequired(),
                    view.apiKeyLimit(), Timestamps.format(organization.createdAt()));
        }
    }

    private final OrganizationSettings settings;
    private final long maxBodyBytes;

    OrganizationRoutes(UseCases useCases, HttpSettings httpSettings) {
        this.settings = useCases.organizationSettings();
        this.maxBodyBytes = httpSettings.maxBodyBytes();
    }

    void show(Context ctx) {
        Envelope.success(ctx, 200, OrganizationResponse.of(settings.show(Callers.of(ctx))));
    }

    void update(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        Optional<String> name = body.optionalString("name");
        Optional<Boolean> mfaRequired = body.optionalBoolean("mfa_required");
        if (body.optionalNode("sso").isPresent()) {
            // TODO: accept single sign-on settings once Entra ID sign-in exists.
            body.addProblem("sso", "single sign-on settings are not supported by this version");
        }
        body.validate();

        Envelope.success(ctx, 200, OrganizationResponse.of(settings.update(Callers.of(ctx), name, mfaRequired)));
    }
}
