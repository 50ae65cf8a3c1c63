package id.anycheck.auth.bootstrap;

import static id.anycheck.auth.bootstrap.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TOTP multi-factor authentication over HTTP: enrolment, login with a second factor, recovery
 * codes, turning MFA off and an organization's requirement. Codes come from java-otp, computed
 * for the test clock's time. Each test uses its own tenant, and every test that moves the
 * clock moves it back.
 */
class MfaHttpTest {

    @RegisterExtension
    static final TestService service = new TestService();

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    /** A user with MFA on: the base32 secret, the recovery codes and the access token of the enrolling session. */
    private record Enrolled(String email, String secret, List<String> recoveryCodes, String accessToken) {
    }

    @Test
    void enrolReturnsSecretAndUri() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            Http.Reply reply = http.post("/auth/mfa/totp", "Authorization", bearer(token));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(LoginHttpTest.fieldNames(reply.data())).containsExactly("secret", "otpauth_uri");
            String secret = reply.data().path("secret").asText();
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(reply.data().path("otpauth_uri").asText())
                    .startsWith("otpauth://totp/AnyCheck:" + tenant.userEmail.replace("@", "%40") + "?")
                    .contains("secret=" + secret, "issuer=AnyCheck", "algorithm=SHA1", "digits=6", "period=30");
            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(me(http, token).path("mfa_enabled").asBoolean()).isFalse();
        });
    }

    @Test
    void enrolAcceptsEmptyJsonObject() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            Http.Reply reply = http.postJson("/auth/mfa/totp", "{}", "Authorization", bearer(token));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        });
    }

    @Test
    void confirmTurnsMfaOn() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Enrolled enrolled = enrol(http, tenant.userEmail);

            assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                    .allMatch(code -> code.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
            assertThat(me(http, enrolled.accessToken()).path("mfa_enabled").asBoolean()).isTrue();
            Http.Reply login = http.logIn(tenant.userEmail, Tenant.PASSWORD);
            assertThat(login.status()).isEqualTo(401);
            assertThat(login.errorCode()).isEqualTo("MFA_REQUIRED");
            assertThat(login.json().path("error").path("mfa_token").asText()).hasSizeGreaterThan(40);
            assertThat(login.header("WWW-Authenticate")).isPresent();
            assertThat(login.json().path("data").isMissingNode()).isTrue();
        });
    }

    @Test
    void enrolAgainReplacesPendingSecret() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);
            String first = http.post("/auth/mfa/totp", "Authorization", bearer(token)).data().path("secret").asText();
            String second = http.post("/auth/mfa/totp", "Authorization", bearer(token)).data().path("secret").asText();

            Http.Reply withFirst = confirm(http, token, code(first, now()));
            Http.Reply withSecond = confirm(http, token, code(second, now()));

            assertThat(second).isNotEqualTo(first);
            assertMfaCodeRejected(withFirst);
            assertThat(withSecond.status()).as(withSecond.body()).isEqualTo(200);
        });
    }

    @Test
    void confirmWithWrongCodeKeepsMfaOff() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);
            String secret = http.post("/auth/mfa/totp", "Authorization", bearer(token)).data().path("secret").asText();

            Http.Reply reply = confirm(http, token, wrongCode(secret, now()));

            assertMfaCodeRejected(reply);
            assertThat(me(http, token).path("mfa_enabled").asBoolean()).isFalse();
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
        });
    }

    @Test
    void confirmWithoutEnrolmentConflicts() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            Http.Reply reply = confirm(http, token, "123456");

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo("CONFLICT");
        });
    }

    @Test
    void enrolAndConfirmWhenOnConflict() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);

            Http.Reply enrolAgain = http.post("/auth/mfa/totp", "Authorization", bearer(enrolled.accessToken()));
            Http.Reply confirmAgain = confirm(http, enrolled.accessToken(), code(enrolled.secret(), now()));

            assertThat(enrolAgain.status()).isEqualTo(409);
            assertThat(enrolAgain.errorCode()).isEqualTo("CONFLICT");
            assertThat(confirmAgain.status()).isEqualTo(409);
            assertThat(confirmAgain.errorCode()).isEqualTo("CONFLICT");
        });
    }

    @Test
    void verifyWithCodeReturnsTokens() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                service.clock.advance(STEP);
                String mfaToken = mfaToken(http, enrolled.email());

                Http.Reply reply = verifyCode(http, mfaToken, code(enrolled.secret(), now()));

                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(LoginHttpTest.fieldNames(reply.data()))
                        .containsExactly("access_token", "refresh_token", "expires_in", "token_type", "user");
                assertThat(reply.data().path("user").path("email").asText()).isEqualTo(tenant.userEmail);
                assertThat(reply.header("Cache-Control")).contains("no-store");
                String accessToken = reply.data().path("access_token").asText();
                assertThat(me(http, accessToken).path("mfa_enabled").asBoolean()).isTrue();
                assertThat(http.refresh(reply.data().path("refresh_token").asText()).status()).isEqualTo(200);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void usedCodeIsRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                Http.Reply confirmStep = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now()));
                service.clock.advance(STEP);
                String code = code(enrolled.secret(), now());
                Http.Reply first = verifyCode(http, mfaToken(http, enrolled.email()), code);

                Http.Reply replay = verifyCode(http, mfaToken(http, enrolled.email()), code);

                assertMfaCodeRejected(confirmStep);
                assertThat(first.status()).as(first.body()).isEqualTo(200);
                assertMfaCodeRejected(replay);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void codeOfAdjacentStepIsAccepted() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                service.clock.advance(STEP.multipliedBy(3));
                Http.Reply previousStep = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now().minus(STEP)));
                Http.Reply nextStep = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now().plus(STEP)));

                assertThat(previousStep.status()).as(previousStep.body()).isEqualTo(200);
                assertThat(nextStep.status()).as(nextStep.body()).isEqualTo(200);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void codeTwoStepsAwayIsRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                service.clock.advance(STEP.multipliedBy(5));
                Http.Reply twoBefore = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now().minus(STEP.multipliedBy(2))));
                Http.Reply twoAfter = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now().plus(STEP.multipliedBy(2))));

                assertMfaCodeRejected(twoBefore);
                assertMfaCodeRejected(twoAfter);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void recoveryCodesWorkOnceEach() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);

            for (String recoveryCode : enrolled.recoveryCodes()) {
                Http.Reply reply = verifyRecoveryCode(http, mfaToken(http, enrolled.email()), recoveryCode);
                assertThat(reply.status()).as("first use of %s: %s", recoveryCode, reply.body()).isEqualTo(200);
            }
            for (String recoveryCode : enrolled.recoveryCodes()) {
                Http.Reply reply = verifyRecoveryCode(http, mfaToken(http, enrolled.email()), recoveryCode);
                assertMfaCodeRejected(reply);
            }
        });
    }

    @Test
    void recoveryCodeIgnoresCaseAndHyphen() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            String typed = enrolled.recoveryCodes().get(0).replace("-", "").toLowerCase(Locale.ROOT);

            Http.Reply reply = verifyRecoveryCode(http, mfaToken(http, enrolled.email()), typed);

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        });
    }

    @Test
    void mfaTokenExpiresAfterFiveMinutes() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                String mfaToken = mfaToken(http, enrolled.email());
                service.clock.advance(Duration.ofMinutes(5));

                Http.Reply reply = verifyCode(http, mfaToken, code(enrolled.secret(), now()));

                assertMfaCodeRejected(reply);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void mfaTokenWorksOnce() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                String mfaToken = mfaToken(http, enrolled.email());
                service.clock.advance(STEP);
                Http.Reply first = verifyCode(http, mfaToken, code(enrolled.secret(), now()));
                service.clock.advance(STEP);

                Http.Reply second = verifyCode(http, mfaToken, code(enrolled.secret(), now()));

                assertThat(first.status()).as(first.body()).isEqualTo(200);
                assertMfaCodeRejected(second);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void unknownMfaTokenIsRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);

            Http.Reply reply = verifyRecoveryCode(http, "not-a-token-this-service-issued",
                    enrolled.recoveryCodes().get(0));

            assertMfaCodeRejected(reply);
            Http.Reply afterwards = verifyRecoveryCode(http, mfaToken(http, enrolled.email()),
                    enrolled.recoveryCodes().get(0));
            assertThat(afterwards.status()).as("the code was not spent").isEqualTo(200);
        });
    }

    @Test
    void mfaTokenIsSpentAfterFiveWrongCodes() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                service.clock.advance(STEP);
                String mfaToken = mfaToken(http, enrolled.email());
                for (int i = 0; i < 5; i++) {
                    assertMfaCodeRejected(verifyCode(http, mfaToken, wrongCode(enrolled.secret(), now())));
                }

                Http.Reply rightCode = verifyCode(http, mfaToken, code(enrolled.secret(), now()));

                assertMfaCodeRejected(rightCode);
                Http.Reply freshToken = verifyCode(http, mfaToken(http, enrolled.email()),
                        code(enrolled.secret(), now()));
                assertThat(freshToken.status()).as("the code was not spent").isEqualTo(200);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void concurrentVerifiesWithOneCodeSucceedOnce() throws Exception {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            int attempts = 8;
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            try {
                service.clock.advance(STEP);
                String code = code(enrolled.secret(), now());
                List<String> mfaTokens = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    mfaTokens.add(mfaToken(http, enrolled.email()));
                }
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Http.Reply>> replies = new ArrayList<>();
                for (String mfaToken : mfaTokens) {
                    replies.add(pool.submit(() -> {
                        gate.await();
                        return verifyCode(http, mfaToken, code);
                    }));
                }
                gate.countDown();

                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Reply> reply : replies) {
                    statuses.add(reply.get(30, TimeUnit.SECONDS).status());
                }

                assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
                assertThat(statuses).filteredOn(status -> status == 401).hasSize(attempts - 1);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                service.clock.set(start);
            }
        });
    }

    @Test
    void disableWithCodeTurnsMfaOff() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            Instant start = service.clock.instant();
            try {
                service.clock.advance(STEP);
                Http.Reply wrong = disable(http, enrolled.accessToken(), wrongCode(enrolled.secret(), now()));
                Http.Reply right = disable(http, enrolled.accessToken(), code(enrolled.secret(), now()));

                assertMfaCodeRejected(wrong);
                assertThat(right.status()).as(right.body()).isEqualTo(204);
                assertThat(me(http, enrolled.accessToken()).path("mfa_enabled").asBoolean()).isFalse();
                assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
            } finally {
                service.clock.set(start);
            }
        });
    }

    @Test
    void disableWithRecoveryCodeTurnsMfaOff() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);

            Http.Reply reply = disable(http, enrolled.accessToken(), enrolled.recoveryCodes().get(2));

            assertThat(reply.status()).as(reply.body()).isEqualTo(204);
            assertThat(http.logIn(tenant.userEmail, Tenant.PASSWORD).status()).isEqualTo(200);
            Http.Reply again = disable(http, enrolled.accessToken(), enrolled.recoveryCodes().get(3));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("CONFLICT");
        });
    }

    @Test
    void disableWithUsedCodeIsRejected() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);

            Http.Reply reply = disable(http, enrolled.accessToken(), code(enrolled.secret(), now()));

            assertMfaCodeRejected(reply);
            assertThat(me(http, enrolled.accessToken()).path("mfa_enabled").asBoolean()).isTrue();
        });
    }

    @Test
    void mfaEventsAreAudited() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            verifyRecoveryCode(http, mfaToken(http, enrolled.email()), "AAAAA-AAAAA");
            verifyRecoveryCode(http, mfaToken(http, enrolled.email()), enrolled.recoveryCodes().get(0));
            disable(http, enrolled.accessToken(), enrolled.recoveryCodes().get(1));

            List<Map<String, Object>> events = auditEvents(tenant.userId.toString());

            assertThat(events).extracting(event -> event.get("event_type")).containsExactlyInAnyOrder(
                    "mfa.enabled", "mfa.verification_failed", "mfa.recovery_code_used", "mfa.recovery_code_used",
                    "mfa.disabled");
            assertThat(events).allSatisfy(event -> assertThat(event.get("actor_id")).isEqualTo(tenant.userId.toString()));
            assertThat(events).extracting(event -> (String) event.get("details"))
                    .noneMatch(details -> enrolled.recoveryCodes().stream().anyMatch(details::contains));
        });
    }

    @Test
    void loginWithMfaIsCountedAsMfaRequired() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            MetricsHttpTest.Metrics before = MetricsHttpTest.Metrics.scrape(http);

            http.logIn(enrolled.email(), Tenant.PASSWORD);

            MetricsHttpTest.Metrics after = MetricsHttpTest.Metrics.scrape(http);
            assertThat(after.delta(before, "anycheck_logins_total{outcome=\"mfa_required\"}")).isEqualTo(1);
        });
    }

    @Test
    void verifyOutcomesAreCounted() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.userEmail);
            MetricsHttpTest.Metrics before = MetricsHttpTest.Metrics.scrape(http);

            verifyRecoveryCode(http, mfaToken(http, enrolled.email()), "AAAAA-AAAAA");
            verifyRecoveryCode(http, mfaToken(http, enrolled.email()), enrolled.recoveryCodes().get(0));
            http.postJson("/auth/mfa/verify", "{}");

            MetricsHttpTest.Metrics after = MetricsHttpTest.Metrics.scrape(http);
            assertThat(after.delta(before, "anycheck_mfa_verifications_total{outcome=\"failed\"}")).isEqualTo(1);
            assertThat(after.delta(before, "anycheck_mfa_verifications_total{outcome=\"succeeded\"}")).isEqualTo(1);
        });
    }

    @Test
    void organizationRequirementLimitsTokensUntilEnrolment() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String admin = Tenant.token(http, tenant.adminEmail);
            Http.Reply required = http.send("PATCH", "/organizations/current", "application/json",
                    "{\"mfa_required\": true}".getBytes(StandardCharsets.UTF_8), "Authorization", bearer(admin));
            assertThat(required.status()).as(required.body()).isEqualTo(200);
            assertThat(required.data().path("mfa_required").asBoolean()).isTrue();

            Http.Reply login = http.logIn(tenant.userEmail, Tenant.PASSWORD);

            assertThat(login.status()).isEqualTo(200);
            assertThat(login.data().path("mfa_enrollment_required").asBoolean()).isTrue();
            String limited = login.data().path("access_token").asText();
            assertEnrollmentRequired(http.get("/groups", "Authorization", bearer(limited)));
            assertEnrollmentRequired(http.get("/verifications", "Authorization", bearer(limited)));
            assertEnrollmentRequired(http.get("/organizations/current", "Authorization", bearer(limited)));
            assertEnrollmentRequired(disable(http, limited, "123456"));
            assertThat(http.get("/auth/me", "Authorization", bearer(limited)).status()).isEqualTo(200);

            String secret = http.post("/auth/mfa/totp", "Authorization", bearer(limited)).data().path("secret")
                    .asText();
            Http.Reply confirmed = confirm(http, limited, code(secret, now()));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertEnrollmentRequired(http.get("/groups", "Authorization", bearer(limited)));

            Http.Reply refreshed = http.refresh(login.data().path("refresh_token").asText());
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.data().has("mfa_enrollment_required")).isFalse();
            String full = refreshed.data().path("access_token").asText();
            assertThat(http.get("/groups", "Authorization", bearer(full)).status()).isEqualTo(200);
            Http.Reply turnOff = disable(http, full, confirmed.data().path("recovery_codes").get(0).asText());
            assertThat(turnOff.status()).isEqualTo(403);
            assertThat(turnOff.errorCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void organizationRequirementAllowsEnrolledUsers() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            Enrolled enrolled = enrol(http, tenant.adminEmail);
            http.send("PATCH", "/organizations/current", "application/json",
                    "{\"mfa_required\": true}".getBytes(StandardCharsets.UTF_8),
                    "Authorization", bearer(enrolled.accessToken()));

            Http.Reply reply = verifyRecoveryCode(http, mfaToken(http, enrolled.email()),
                    enrolled.recoveryCodes().get(0));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.data().has("mfa_enrollment_required")).isFalse();
            String token = reply.data().path("access_token").asText();
            assertThat(http.get("/groups", "Authorization", bearer(token)).status()).isEqualTo(200);
        });
    }

    @Test
    void loginRouteStillAnswersWithoutRequirement() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            Http.Reply login = http.logIn(tenant.userEmail, Tenant.PASSWORD);

            assertThat(login.status()).isEqualTo(200);
            assertThat(login.data().has("mfa_enrollment_required")).isFalse();
        });
    }

    @Test
    void verifyRejectsBadBodies() {
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);

            assertInvalid(http.postJson("/auth/mfa/verify", "{\"code\": \"123456\"}"), "mfa_token");
            assertInvalid(http.postJson("/auth/mfa/verify", "{\"mfa_token\": \"t\"}"), "code");
            assertInvalid(http.postJson("/auth/mfa/verify",
                    "{\"mfa_token\": \"t\", \"code\": \"123456\", \"recovery_code\": \"AAAAA-AAAAA\"}"),
                    "recovery_code");
            assertInvalid(http.postJson("/auth/mfa/verify", "{\"mfa_token\": \"t\", \"code\": 123456}"), "code");
            assertInvalid(http.postJson("/auth/mfa/verify", "{\"mfa_token\": 7, \"code\": \"123456\"}"), "mfa_token");
            assertInvalid(http.postJson("/auth/mfa/verify", "{\"mfa_token\": \"\", \"code\": \"123456\"}"),
                    "mfa_token");
            assertInvalid(http.postJson("/auth/mfa/verify",
                    "{\"mfa_token\": \"t\", \"code\": \"123456\", \"remember\": true}"), "remember");
            assertInvalid(http.postJson("/auth/mfa/verify", "[]"), "body");
            Http.Reply notJson = http.send("POST", "/auth/mfa/verify", "text/plain",
                    "mfa_token=t".getBytes(StandardCharsets.UTF_8));
            assertThat(notJson.status()).isEqualTo(415);
        });
    }

    @Test
    void authenticatedMfaRoutesRejectBadBodies() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            String token = Tenant.token(http, tenant.userEmail);

            for (String method : List.of("POST /auth/mfa/totp/confirm", "DELETE /auth/mfa/totp")) {
                String[] parts = method.split(" ");
                assertInvalid(send(http, parts[0], parts[1], "{}", token), "code");
                assertInvalid(send(http, parts[0], parts[1], "{\"code\": 123456}", token), "code");
                assertInvalid(send(http, parts[0], parts[1], "{\"code\": \"123456\", \"extra\": 1}", token), "extra");
                assertInvalid(send(http, parts[0], parts[1], "\"123456\"", token), "body");
            }
            assertInvalid(send(http, "POST", "/auth/mfa/totp", "{\"issuer\": \"x\"}", token), "issuer");
            assertInvalid(send(http, "POST", "/auth/mfa/totp", "[]", token), "body");
            assertThat(me(http, token).path("mfa_enabled").asBoolean()).isFalse();
        });
    }

    @Test
    void mfaRoutesRejectApiKeysAndAnonymousCallers() {
        Tenant tenant = Tenant.create(service);
        JavalinTest.test(service.app(), (server, client) -> {
            Http http = new Http(client);
            List<String[]> routes = List.of(
                    new String[] {"POST", "/auth/mfa/totp", "{}"},
                    new String[] {"POST", "/auth/mfa/totp/confirm", "{\"code\": \"123456\"}"},
                    new String[] {"DELETE", "/auth/mfa/totp", "{\"code\": \"123456\"}"});

            for (String[] route : routes) {
                Http.Reply withKey = http.send(route[0], route[1], "application/json",
                        route[2].getBytes(StandardCharsets.UTF_8), "X-API-Key", tenant.apiKey());
                Http.Reply anonymous = http.send(route[0], route[1], "application/json",
                        route[2].getBytes(StandardCharsets.UTF_8));

                assertThat(withKey.status()).as("%s %s with an API key", route[0], route[1]).isEqualTo(403);
                assertThat(withKey.errorCode()).isEqualTo("FORBIDDEN");
                assertThat(anonymous.status()).as("%s %s without credentials", route[0], route[1]).isEqualTo(401);
                assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
            }
        });
    }

    private static Enrolled enrol(Http http, String email) {
        String token = Tenant.token(http, email);
        Http.Reply enrolment = http.post("/auth/mfa/totp", "Authorization", bearer(token));
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
        String secret = enrolment.data().path("secret").asText();
        Http.Reply confirmation = confirm(http, token, code(secret, now()));
        assertThat(confirmation.status()).as(confirmation.body()).isEqualTo(200);
        List<String> recoveryCodes = new ArrayList<>();
        confirmation.data().path("recovery_codes").forEach(code -> recoveryCodes.add(code.asText()));
        return new Enrolled(email, secret, recoveryCodes, token);
    }

    /** Logs in a user with MFA on and returns the MFA token of the MFA_REQUIRED response. */
    private static String mfaToken(Http http, String email) {
        Http.Reply login = http.logIn(email, Tenant.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(401);
        assertThat(login.errorCode()).isEqualTo("MFA_REQUIRED");
        return login.json().path("error").path("mfa_token").asText();
    }

    private static Http.Reply confirm(Http http, String token, String code) {
        return http.postJson("/auth/mfa/totp/confirm", Http.json(Map.of("code", code)), "Authorization",
                bearer(token));
    }

    private static Http.Reply disable(Http http, String token, String code) {
        return send(http, "DELETE", "/auth/mfa/totp", Http.json(Map.of("code", code)), token);
    }

    private static Http.Reply verifyCode(Http http, String mfaToken, String code) {
        return http.postJson("/auth/mfa/verify", Http.json(Map.of("mfa_token", mfaToken, "code", code)));
    }

    private static Http.Reply verifyRecoveryCode(Http http, String mfaToken, String recoveryCode) {
        return http.postJson("/auth/mfa/verify",
                Http.json(Map.of("mfa_token", mfaToken, "recovery_code", recoveryCode)));
    }

    private static Http.Reply send(Http http, String method, String path, String json, String token) {
        return http.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8),
                "Authorization", bearer(token));
    }

    private static JsonNode me(Http http, String token) {
        Http.Reply reply = http.get("/auth/me", "Authorization", bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.data();
    }

    private static List<Map<String, Object>> auditEvents(String userId) {
        return service.service.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT * FROM audit_events WHERE target_id = :id AND event_type LIKE 'mfa.%'")
                .bind("id", userId)
                .mapToMap()
                .list());
    }

    private static Instant now() {
        return service.clock.instant();
    }

    /** Computes the TOTP code of the step that contains the instant, as an authenticator app does. */
    static String code(String base32Secret, Instant instant) {
        try {
            SecretKeySpec key = new SecretKeySpec(Base32.decode(base32Secret), TOTP.getAlgorithm());
            return TOTP.generateOneTimePasswordString(key, instant, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns six digits that match none of the codes accepted at the instant. */
    private static String wrongCode(String base32Secret, Instant instant) {
        HashSet<String> accepted = new HashSet<>();
        for (int step = -1; step <= 1; step++) {
            accepted.add(code(base32Secret, instant.plus(STEP.multipliedBy(step))));
        }
        int candidate = 0;
        while (accepted.contains(String.format(Locale.ROOT, "%06d", candidate))) {
            candidate++;
        }
        return String.format(Locale.ROOT, "%06d", candidate);
    }

    private static void assertMfaCodeRejected(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("INVALID_MFA_CODE");
        assertThat(reply.json().path("error").has("mfa_token")).isFalse();
    }

    private static void assertEnrollmentRequired(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("MFA_ENROLLMENT_REQUIRED");
    }

    private static void assertInvalid(Http.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(AccessHttpTest.fields(reply)).contains(field);
    }
}
