package id.anycheck.auth.http;

import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.access.OrganizationSettings;
import id.anycheck.auth.application.sso.SingleSignOnAdministration;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import io.javalin.http.Context;
import java.util.Optional;

/** Handlers of {@code /organizations/current}: any member views it, the Admin changes it. */
final class OrganizationRoutes {

    record OrganizationResponse(String id, String name, String plan, boolean active, boolean mfaRequired,
            int apiKeyLimit, String createdAt, SingleSignOnRoutes.SettingsResponse sso) {

        static OrganizationResponse of(OrganizationSettings.View view, SingleSignOnSettings sso) {
            var organization = view.organization();
            return new OrganizationResponse(organization.id().toString(), organization.name(),
                    organization.plan().externalName(), organization.active(), organization.mfaRequired(),
                    view.apiKeyLimit(), Timestamps.format(organization.createdAt()),
                    SingleSignOnRoutes.SettingsResponse.of(sso));
        }
    }

    private final OrganizationSettings settings;
    private final SingleSignOnAdministration singleSignOn;
    private final long maxBodyBytes;

    OrganizationRoutes(UseCases useCases, HttpSettings httpSettings) {
        this.settings = useCases.organizationSettings();
        this.singleSignOn = useCases.singleSignOnAdministration();
        this.maxBodyBytes = httpSettings.maxBodyBytes();
    }

    void show(Context ctx) {
        Caller caller = Callers.of(ctx);
        OrganizationSettings.View view = settings.show(caller);
        Envelope.success(ctx, 200, OrganizationResponse.of(view, singleSignOn.show(caller)));
    }

    void update(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        Optional<String> name = body.optionalString("name");
        Optional<Boolean> mfaRequired = body.optionalBoolean("mfa_required");
        Optional<SingleSignOnAdministration.Change> ssoChange = SingleSignOnRoutes.readSettings(body);
        body.validate();

        // The single sign-on change is checked before anything is saved, so that an invalid one
        // leaves the name and MFA rule unchanged too.
        // NOTE: the two are saved in separate transactions. If another organization claims one of
        // the tenants between the check and the save, the request gets 409 with the name saved.
        Caller caller = Callers.of(ctx);
        Optional<SingleSignOnSettings> sso = ssoChange.map(change -> singleSignOn.check(caller, change));
        OrganizationSettings.View view = settings.update(caller, name, mfaRequired);
        SingleSignOnSettings savedSso = sso.isPresent() ? singleSignOn.save(caller, sso.get()) : singleSignOn.show(caller);

        Envelope.success(ctx, 200, OrganizationResponse.of(view, savedSso));
    }
}
