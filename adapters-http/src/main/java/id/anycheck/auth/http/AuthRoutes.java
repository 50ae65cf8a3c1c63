package id.anycheck.auth.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.ChangePassword;
import id.anycheck.auth.application.CurrentUser;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.LogInCommand;
import id.anycheck.auth.application.LogOut;
import id.anycheck.auth.application.RefreshSession;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.ShowCurrentUser;
import id.anycheck.auth.application.apikey.CurrentApiKey;
import id.anycheck.auth.application.apikey.ShowCurrentApiKey;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Handlers of {@code /auth/login}, {@code /auth/refresh}, {@code /auth/logout}, {@code /auth/me}
 * and {@code /auth/password}.
 */
final class AuthRoutes {

    record UserSummary(String id, String email, String name) {

        static UserSummary of(User user) {
            return new UserSummary(user.id().toString(), user.email().value(), user.name());
        }
    }

    /**
     * @param mfaEnrollmentRequired true when the access token only allows enrolling a second
     *     factor, and absent otherwise
     */
    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType, UserSummary user,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mfaEnrollmentRequired) {

        static TokenResponse of(Authentication authentication) {
            return new TokenResponse(
                    authentication.tokens().accessToken(),
                    authentication.tokens().refreshToken(),
                    authentication.tokens().accessTokenLifetime().toSeconds(),
                    "Bearer",
                    UserSummary.of(authentication.user()),
                    authentication.mfaEnrollmentRequired() ? Boolean.TRUE : null);
        }
    }

    record OrganizationSummary(String id, String name, String plan, boolean active) {

        static OrganizationSummary of(Organization organization) {
            return new OrganizationSummary(organization.id().toString(), organization.name(),
                    organization.plan().externalName(), organization.active());
        }
    }

    record GroupSummary(String id, String name) {
    }

    record MembershipSummary(GroupSummary group, String role) {

        static MembershipSummary of(GroupRole groupRole) {
            return new MembershipSummary(
                    new GroupSummary(groupRole.group().id().toString(), groupRole.group().name()),
                    groupRole.role().name());
        }
    }

    record MeResponse(
            String principalType,
            String id,
            String email,
            String name,
            boolean active,
            boolean admin,
            boolean mfaEnabled,
            OrganizationSummary organization,
            List<MembershipSummary> memberships) {

        static MeResponse of(CurrentUser current) {
            User user = current.user();
            var organization = current.organization();
            return new MeResponse(
                    "user",
                    user.id().toString(),
                    user.email().value(),
                    user.name(),
                    user.active(),
                    user.admin(),
                    current.mfaEnabled(),
                    OrganizationSummary.of(organization),
                    current.groupRoles().stream().map(MembershipSummary::of).toList());
        }
    }

    record ApiKeySummary(String id, String name, String prefix, String environment, String expiresAt) {
    }

    /** The response of {@code /auth/me} to a server calling with an API key, which acts as a User in its group. */
    record ApiKeyMeResponse(
            String principalType,
            ApiKeySummary apiKey,
            OrganizationSummary organization,
            GroupSummary group,
            String role) {

        static ApiKeyMeResponse of(CurrentApiKey current) {
            ApiKey key = current.key();
            return new ApiKeyMeResponse(
                    "api_key",
                    new ApiKeySummary(key.id().toString(), key.name(), key.prefix(), key.environment().externalName(),
                            Timestamps.format(key.expiresAt())),
                    OrganizationSummary.of(current.organization()),
                    new GroupSummary(current.group().id().toString(), current.group().name()),
                    Role.USER.name());
        }
    }

    private static final String NO_STORE_WRITTEN = "anycheck.no-store-written";

    private final LogIn logIn;
    private final RefreshSession refreshSession;
    private final LogOut logOut;
    private final ShowCurrentUser showCurrentUser;
    private final ShowCurrentApiKey showCurrentApiKey;
    private final ChangePassword changePassword;
    private final long maxBodyBytes;

    AuthRoutes(UseCases useCases, HttpSettings settings) {
        this.logIn = useCases.logIn();
        this.refreshSession = useCases.refreshSession();
        this.logOut = useCases.logOut();
        this.showCurrentUser = useCases.showCurrentUser();
        this.showCurrentApiKey = useCases.showCurrentApiKey();
        this.changePassword = useCases.changePassword();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void logIn(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String email = body.requiredString("email");
        String password = body.requiredString("password");
        body.validate();

        Authentication authentication = logIn.logIn(LogInCommand.of(email, password, origin(ctx)));

        noStore(ctx);
        Envelope.success(ctx, 200, TokenResponse.of(authentication));
    }

    void refresh(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String refreshToken = body.requiredString("refresh_token");
        body.validate();

        Authentication authentication = refreshSession.refresh(refreshToken, origin(ctx));

        noStore(ctx);
        Envelope.success(ctx, 200, TokenResponse.of(authentication));
    }

    void logOut(Context ctx) {
        logOut.logOut(Callers.of(ctx), AuthenticationFilter.userPrincipal(ctx));
        Envelope.noContent(ctx);
    }

    void changePassword(Context ctx) {
        UserPrincipal user = AuthenticationFilter.userPrincipal(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String currentPassword = body.requiredString("current_password");
        String newPassword = body.requiredString("new_password");
        body.validate();

        changePassword.change(user, Optional.ofNullable(ClientAddressResolver.of(ctx)), currentPassword, newPassword);

        Envelope.noContent(ctx);
    }

    void me(Context ctx) {
        Principal principal = AuthenticationFilter.principal(ctx);
        noStore(ctx);
        if (principal instanceof ApiKeyPrincipal key) {
            Envelope.success(ctx, 200, ApiKeyMeResponse.of(showCurrentApiKey.show(key)));
            return;
        }
        CurrentUser current = showCurrentUser.show(AuthenticationFilter.userPrincipal(ctx));
        Envelope.success(ctx, 200, MeResponse.of(current));
    }

    static RequestOrigin origin(Context ctx) {
        return RequestOrigin.of(ClientAddressResolver.of(ctx), ctx.header("User-Agent"));
    }

    /** Keeps tokens and account data out of browser and proxy caches. */
    static void noStore(Context ctx) {
        // Added once, not set each time: setting makes Jetty search the headers already written.
        if (ctx.attribute(NO_STORE_WRITTEN) == null) {
            ctx.attribute(NO_STORE_WRITTEN, Boolean.TRUE);
            ctx.res().addHeader("Cache-Control", "no-store");
            ctx.res().addHeader("Pragma", "no-cache");
        }
    }
}
