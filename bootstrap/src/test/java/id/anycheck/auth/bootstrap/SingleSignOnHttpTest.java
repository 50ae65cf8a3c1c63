package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in with Entra ID over HTTP, through real MSAL4J against a real OpenID Connect provider
 * on 127.0.0.1: the URL, the callback, the mapping of identities to users, and each rejection.
 */
class SingleSignOnHttpTest {

    private static final String AUTH_URL = "/auth/external/entra/auth-url";
    private static final String CALLBACK = "/auth/external/entra/callback";

    private static final TestIdentityProvider provider =
            new TestIdentityProvider(() -> SingleSignOnHttpTest.service.clock.instant());

    @RegisterExtension
    static final TestService service = new TestService(provider.environment(), provider.trusted());

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void authUrlCarriesStateNonceAndPkce() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get(AUTH_URL);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(LoginHttpTest.fieldNames(reply.json())).containsExactly("auth_url");
            assertThat(reply.header("Cache-Control")).contains("no-store");
            Map<String, String> query = TestIdentityProvider.query(URI.create(reply.json().path("auth_url").asText()));
            assertThat(query.get("client_id")).isEqualTo(TestIdentityProvider.CLIENT_ID);
            assertThat(query.get("redirect_uri")).isEqualTo(TestIdentityProvider.REDIRECT_URI);
            assertThat(query.get("response_type")).isEqualTo("code");
            assertThat(query.get("response_mode")).isEqualTo("query");
            assertThat(query.get("code_challenge_method")).isEqualTo("S256");
            assertThat(query.get("code_challenge")).hasSize(43);
            assertThat(query.get("state")).hasSize(43);
            assertThat(query.get("nonce")).hasSize(43);
        });
    }

    @Test
    void authUrlIsFreshEachTime() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Map<String, String> first = TestIdentityProvider.query(authUrl(http));
            Map<String, String> second = TestIdentityProvider.query(authUrl(http));

            assertThat(second.get("state")).isNotEqualTo(first.get("state"));
            assertThat(second.get("nonce")).isNotEqualTo(first.get("nonce"));
            assertThat(second.get("code_challenge")).isNotEqualTo(first.get("code_challenge"));
        });
    }

    @Test
    void authUrlAcceptsAllowedRedirectUri() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get(AUTH_URL + "?redirect_uri="
                    + encode(TestIdentityProvider.OTHER_REDIRECT_URI));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(TestIdentityProvider.query(URI.create(reply.json().path("auth_url").asText())).get("redirect_uri"))
                    .isEqualTo(TestIdentityProvider.OTHER_REDIRECT_URI);
        });
    }

    @Test
    void authUrlRejectsOtherRedirectUri() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            for (String uri : List.of("https://evil.example/callback", TestIdentityProvider.REDIRECT_URI + "/",
                    TestIdentityProvider.REDIRECT_URI + "?next=https://evil.example")) {
                Http.Reply reply = http.get(AUTH_URL + "?redirect_uri=" + encode(uri));

                assertThat(reply.status()).as(uri).isEqualTo(400);
                assertThat(reply.errorCode()).as(uri).isEqualTo("VALIDATION_ERROR");
                assertThat(reply.json().path("error").path("details").get(0).path("field").asText()).as(uri)
                        .isEqualTo("redirect_uri");
            }
        });
    }

    @Test
    void signInLinksUserByVerifiedEmail() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(LoginHttpTest.fieldNames(reply.data()))
                    .containsExactly("access_token", "refresh_token", "expires_in", "token_type", "user");
            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(reply.data().path("user").path("id").asText()).isEqualTo(tenant.userId.toString());
            Http.Reply me = http.get("/auth/me", "Authorization", "Bearer " + reply.data().path("access_token").asText());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.data().path("email").asText()).isEqualTo(tenant.userEmail);
            assertThat(auditTypes(http, tenant)).contains("sso.user_linked", "sso.login_succeeded");
        });
    }

    @Test
    void linkedIdentityLogsInWithoutEmail() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            String objectId = UUID.randomUUID().toString();
            assertThat(signIn(http, claims(tenantId, objectId, tenant.userEmail, true)).status()).isEqualTo(200);

            Http.Reply reply = signIn(http, claims(tenantId, objectId, null, false));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.data().path("user").path("id").asText()).isEqualTo(tenant.userId.toString());
        });
    }

    @Test
    void userIsLinkedToOneIdentity() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            assertThat(signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true)).status())
                    .isEqualTo(200);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(reply.json().path("error").path("message").asText()).contains("another Microsoft account");
        });
    }

    @Test
    void unverifiedEmailDoesNotLink() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, false));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void unknownUserRejectedByDefault() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), newEmail(), true));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(reply.json().path("error").path("message").asText()).contains("Ask your Admin to add you");
            assertThat(auditTypes(http, tenant)).contains("sso.login_rejected");
        });
    }

    @Test
    void unknownUserCreatedWhenAllowed() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "create", tenant.groupId());
            String email = newEmail();

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), email, true));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Http.Reply me = http.get("/auth/me", "Authorization", "Bearer " + reply.data().path("access_token").asText());
            assertThat(me.data().path("email").asText()).isEqualTo(email);
            assertThat(me.data().path("name").asText()).isEqualTo("Sam Signin");
            assertThat(me.data().path("admin").asBoolean()).isFalse();
            JsonNode membership = me.data().path("memberships").get(0);
            assertThat(membership.path("group").path("id").asText()).isEqualTo(tenant.groupId());
            assertThat(membership.path("role").asText()).isEqualTo("USER");
            assertThat(me.data().path("memberships")).hasSize(1);
            assertThat(auditTypes(http, tenant)).contains("sso.user_created", "sso.login_succeeded");
        });
    }

    @Test
    void createdUserCannotLogInWithPassword() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "create", tenant.groupId());
            String email = newEmail();
            assertThat(signIn(http, claims(tenantId, UUID.randomUUID().toString(), email, true)).status())
                    .isEqualTo(200);

            Http.Reply login = http.logIn(email, "any password 1");

            assertThat(login.status()).isEqualTo(401);
            assertThat(login.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        });
    }

    @Test
    void creationNeedsVerifiedEmail() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "create", tenant.groupId());

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), newEmail(), false));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().path("error").path("message").asText()).contains("no verified email");
        });
    }

    @Test
    void foreignTenantRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            allowTenant(http, tenant, "create", tenant.groupId());

            Http.Reply reply = signIn(http, claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    tenant.userEmail, true));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(reply.json().path("error").path("message").asText()).contains("tenant is not allowed");
        });
    }

    @Test
    void deactivatedUserRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            Http.Reply deactivation = http.send("DELETE", "/users/" + tenant.userId, null, null,
                    "Authorization", "Bearer " + Tenant.token(http, tenant.adminEmail));
            assertThat(deactivation.status()).as(deactivation.body()).isEqualTo(204);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().path("error").path("message").asText()).contains("deactivated");
        });
    }

    @Test
    void replayedStateRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));
            Map<String, String> redirect = provider.signInAt(authUrl(http).toString());
            assertThat(callback(http, redirect).status()).isEqualTo(200);

            Http.Reply replay = callback(http, redirect);

            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(problemOf(replay, "state")).contains("already used");
        });
    }

    @Test
    void unknownStateRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = callback(new Http(client), Map.of("code", "some-code", "state", "made-up-state"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(problemOf(reply, "state")).contains("unknown");
        });
    }

    @Test
    void expiredStateRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));
            URI url = authUrl(http);

            service.withClockAdvanced(Duration.ofMinutes(10).plusSeconds(1), () -> {
                Http.Reply reply = callback(http, provider.signInAt(url.toString()));

                assertThat(reply.status()).isEqualTo(400);
                assertThat(problemOf(reply, "state")).contains("expired");
            });
        });
    }

    @Test
    void stateWorksUntilItExpires() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));
            URI url = authUrl(http);

            service.withClockAdvanced(Duration.ofMinutes(9), () ->
                    assertThat(callback(http, provider.signInAt(url.toString())).status()).isEqualTo(200));
        });
    }

    @Test
    void wrongNonceRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            String url = authUrl(http).toString();
            String nonce = TestIdentityProvider.query(URI.create(url)).get("nonce");
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));

            // The browser, not this service, changed the nonce on its way to the provider.
            Http.Reply reply = callback(http, provider.signInAt(url.replace(nonce, "another-nonce")));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("SSO_CODE_REJECTED");
            assertThat(auditTypes(http, tenant)).doesNotContain("sso.login_succeeded");
        });
    }

    @Test
    void expiredIdTokenRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            URI url = authUrl(http);
            // Expired two minutes before it was issued, beyond the one minute of clock skew tolerated.
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true), -120);

            Http.Reply reply = callback(http, provider.signInAt(url.toString()));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("SSO_CODE_REJECTED");
        });
    }

    @Test
    void codeOfOtherSignInRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));
            Map<String, String> first = provider.signInAt(authUrl(http).toString());
            Map<String, String> second = TestIdentityProvider.query(authUrl(http));

            // The code is bound to the first sign-in's PKCE challenge, so the second's verifier fails.
            Http.Reply reply = callback(http, Map.of("code", first.get("code"), "state", second.get("state")));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("SSO_CODE_REJECTED");
        });
    }

    @Test
    void callbackAcceptsJsonBody() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            provider.nextClaims(claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));
            Map<String, String> redirect = provider.signInAt(authUrl(http).toString());

            Http.Reply reply = http.postJson(CALLBACK,
                    Http.json(Map.of("code", redirect.get("code"), "state", redirect.get("state"))));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.data().path("user").path("email").asText()).isEqualTo(tenant.userEmail);
        });
    }

    @Test
    void callbackBodyNeedsCodeAndState() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).postJson(CALLBACK, Http.json(Map.of("code", "x", "extra", "y")));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(fields(reply)).containsExactlyInAnyOrder("state", "extra");
        });
    }

    @Test
    void callbackQueryNeedsCode() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get(CALLBACK + "?state=abc");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(fields(reply)).containsExactly("code");
        });
    }

    @Test
    void callbackRejectsRepeatedState() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http.Reply reply = new Http(client).get(CALLBACK + "?code=a&state=b&state=c");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(fields(reply)).containsExactly("state");
        });
    }

    @Test
    void organizationShowsSettings() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "create", tenant.groupId());

            Http.Reply reply = http.get("/organizations/current",
                    "Authorization", "Bearer " + Tenant.token(http, tenant.userEmail));

            JsonNode sso = reply.data().path("sso");
            assertThat(sso.path("enabled").asBoolean()).isTrue();
            assertThat(sso.path("allowed_tenant_ids").get(0).asText()).isEqualTo(tenantId);
            assertThat(sso.path("unknown_users").asText()).isEqualTo("create");
            assertThat(sso.path("default_group_id").asText()).isEqualTo(tenant.groupId());
            assertThat(auditTypes(http, tenant)).contains("sso.settings_changed");
        });
    }

    @Test
    void newOrganizationHasSsoDisabled() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);

            Http.Reply reply = http.get("/organizations/current",
                    "Authorization", "Bearer " + Tenant.token(http, tenant.adminEmail));

            JsonNode sso = reply.data().path("sso");
            assertThat(sso.path("enabled").asBoolean()).isFalse();
            assertThat(sso.path("allowed_tenant_ids")).isEmpty();
            assertThat(sso.path("unknown_users").asText()).isEqualTo("reject");
            assertThat(sso.path("default_group_id").isNull()).isTrue();
        });
    }

    @Test
    void onlyAdminChangesSettings() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);

            Http.Reply reply = patchSso(http, Tenant.token(http, tenant.managerEmail),
                    sso(List.of(UUID.randomUUID().toString()), "reject", null));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void invalidSettingsRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String token = Tenant.token(http, tenant.adminEmail);
            Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
            cases.put("sso", sso(List.of("not-a-tenant"), "reject", null));
            cases.put("sso.unknown_users", sso(List.of(), "maybe", null));
            cases.put("sso.default_group_id", sso(List.of(), "create", UUID.randomUUID().toString()));
            Map<String, Object> withoutTenants = new HashMap<>();
            withoutTenants.put("unknown_users", "reject");
            cases.put("sso.allowed_tenant_ids", withoutTenants);
            Map<String, Object> unknownField = new HashMap<>(sso(List.of(), "reject", null));
            unknownField.put("auto_link", true);
            cases.put("sso.auto_link", unknownField);

            for (Map.Entry<String, Map<String, Object>> entry : cases.entrySet()) {
                Http.Reply reply = patchSso(http, token, entry.getValue());

                assertThat(reply.status()).as(entry.getKey()).isEqualTo(400);
                assertThat(fields(reply)).as(entry.getKey()).containsExactly(entry.getKey());
            }
        });
    }

    @Test
    void createWithoutGroupRejected() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);

            Http.Reply reply = patchSso(http, Tenant.token(http, tenant.adminEmail),
                    sso(List.of(UUID.randomUUID().toString()), "create", null));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(fields(reply)).containsExactly("sso");
        });
    }

    @Test
    void tenantOfOtherOrganizationConflicts() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant first = Tenant.create(service);
            Tenant second = Tenant.create(service);
            String tenantId = allowTenant(http, first, "reject", null);
            String token = Tenant.token(http, second.adminEmail);
            Map<String, Object> body = new HashMap<>();
            body.put("name", "Renamed Organization");
            body.put("sso", sso(List.of(tenantId), "reject", null));

            Http.Reply reply = http.send("PATCH", "/organizations/current", "application/json",
                    Http.json(body).getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + token);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("CONFLICT");
            Http.Reply after = http.get("/organizations/current", "Authorization", "Bearer " + token);
            assertThat(after.data().path("name").asText()).isNotEqualTo("Renamed Organization");
            assertThat(after.data().path("sso").path("allowed_tenant_ids")).isEmpty();
        });
    }

    @Test
    void emptyTenantListDisablesSignIn() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Tenant tenant = Tenant.create(service);
            String tenantId = allowTenant(http, tenant, "reject", null);
            assertThat(patchSso(http, Tenant.token(http, tenant.adminEmail), sso(List.of(), "reject", null)).status())
                    .isEqualTo(200);

            Http.Reply reply = signIn(http, claims(tenantId, UUID.randomUUID().toString(), tenant.userEmail, true));

            assertThat(reply.status()).isEqualTo(403);
        });
    }

    private static URI authUrl(Http http) {
        Http.Reply reply = http.get(AUTH_URL);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return URI.create(reply.json().path("auth_url").asText());
    }

    /** Runs a whole sign-in: the URL, the provider's sign-in with these claims, and the callback. */
    private static Http.Reply signIn(Http http, Map<String, Object> claims) {
        URI url = authUrl(http);
        provider.nextClaims(claims);
        return callback(http, provider.signInAt(url.toString()));
    }

    private static Http.Reply callback(Http http, Map<String, String> redirect) {
        return http.get(CALLBACK + "?code=" + encode(redirect.get("code")) + "&state=" + encode(redirect.get("state")));
    }

    /** Lets the tenant's people sign in to the organization, and returns the tenant id. */
    static String allowTenant(Http http, Tenant tenant, String unknownUsers, String defaultGroupId) {
        String tenantId = UUID.randomUUID().toString();
        Http.Reply reply = patchSso(http, Tenant.token(http, tenant.adminEmail),
                sso(List.of(tenantId), unknownUsers, defaultGroupId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return tenantId;
    }

    private static Http.Reply patchSso(Http http, String token, Map<String, Object> sso) {
        return http.send("PATCH", "/organizations/current", "application/json",
                Http.json(Map.of("sso", sso)).getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + token);
    }

    private static Map<String, Object> sso(List<String> tenantIds, String unknownUsers, String defaultGroupId) {
        Map<String, Object> sso = new HashMap<>();
        sso.put("allowed_tenant_ids", tenantIds);
        sso.put("unknown_users", unknownUsers);
        sso.put("default_group_id", defaultGroupId);
        return sso;
    }

    static Map<String, Object> claims(String tenantId, String objectId, String email, boolean emailVerified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("tid", tenantId);
        claims.put("oid", objectId);
        claims.put("name", "Sam Signin");
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", emailVerified);
        }
        return claims;
    }

    /** Returns the types of the tenant's audit events, as its Admin reads them through {@code GET /audit-events}. */
    private static List<String> auditTypes(Http http, Tenant tenant) {
        Http.Reply events = http.get("/audit-events?limit=100", "Authorization",
                "Bearer " + Tenant.token(http, tenant.adminEmail));
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        events.data().path("items").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static String problemOf(Http.Reply reply, String field) {
        for (JsonNode detail : reply.json().path("error").path("details")) {
            if (detail.path("field").asText().equals(field)) {
                return detail.path("problem").asText();
            }
        }
        return "";
    }

    private static List<String> fields(Http.Reply reply) {
        List<String> fields = new java.util.ArrayList<>();
        reply.json().path("error").path("details").forEach(detail -> fields.add(detail.path("field").asText()));
        return fields;
    }

    private static String newEmail() {
        return "sso-" + UUID.randomUUID() + "@tenant.example";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
