package id.anycheck.auth.http;

import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.CurrentUser;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.LogInCommand;
import id.anycheck.auth.application.LogOut;
import id.anycheck.auth.application.RefreshSession;
import id.anycheck.auth.application.ShowCurrentUser;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.User;
import io.javalin.http.Context;
import java.util.List;

/** Handlers of {@code /auth/login}, {@code /auth/refresh}, {@code /auth/logout} and {@code /auth/me}. */
final class AuthRoutes {

    record UserSummary(String id, String email, String name) {

        static UserSummary of(User user) {
            return new UserSummary(user.id().toString(), user.email().value(), user.name());
        }
    }

    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType, UserSummary user) {

        static TokenResponse of(Authentication authentication) {
            return new TokenResponse(
                    authentication.tokens().accessToken(),
                    authentication.tokens().refreshToken(),
                    authentication.tokens().accessTokenLifetime().toSeconds(),
                    "Bearer",
                    UserSummary.of(authentication.user()));
        }
    }

    record OrganizationSummary(String id, String name, String plan, boolean active) {
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
                    user.id().toString(),
                    user.email().value(),
                    user.name(),
                    user.active(),
                    user.admin(),
                    current.mfaEnabled(),
                    new OrganizationSummary(organization.id().toString(), organization.name(),
                            organization.plan().externalName(), organization.active()),
                    current.groupRoles().stream().map(MembershipSummary::of).toList());
        }
    }

    private final LogIn logIn;
    private final RefreshSession refreshSession;
    private final LogOut logOut;
    private final ShowCurrentUser showCurrentUser;
    private final long maxBodyBytes;

    AuthRoutes(UseCases useCases, HttpSettings settings) {
        this.logIn = useCases.logIn();
        this.refreshSession = useCases.refreshSession();
        this.logOut = useCases.logOut();
        this.showCurrentUser = useCases.showCurrentUser();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void logIn(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String email = body.requiredString("email");
        String password = body.requiredString("password");
        body.validate();

        Authentication authentication = logIn.logIn(LogInCommand.of(email, password));

        noStore(ctx);
        Envelope.success(ctx, 200, TokenResponse.of(authentication));
    }

    void refresh(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String refreshToken = body.requiredString("refresh_token");
        body.validate();

        Authentication authentication = refreshSession.refresh(refreshToken);

        noStore(ctx);
        Envelope.success(ctx, 200, TokenResponse.of(authentication));
    }

    void logOut(Context ctx) {
        logOut.logOut(AuthenticationFilter.userPrincipal(ctx));
        Envelope.noContent(ctx);
    }

    void me(Context ctx) {
        CurrentUser current = showCurrentUser.show(AuthenticationFilter.userPrincipal(ctx));
        noStore(ctx);
        Envelope.success(ctx, 200, MeResponse.of(current));
    }

    /** Keeps tokens and account data out of browser and proxy caches. */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}
