package id.anycheck.auth.bootstrap;

import id.anycheck.auth.application.ActiveSessionCache;
import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.ApplyRateLimits;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.AuthenticateAccessToken;
import id.anycheck.auth.application.ChangePassword;
import id.anycheck.auth.application.ChangePlan;
import id.anycheck.auth.application.CheckReadiness;
import id.anycheck.auth.application.CreateUser;
import id.anycheck.auth.application.ListAuditEvents;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.LogOut;
import id.anycheck.auth.application.PasswordGenerator;
import id.anycheck.auth.application.ProvisionOrganization;
import id.anycheck.auth.application.RateLimitQuotas;
import id.anycheck.auth.application.RefreshSession;
import id.anycheck.auth.application.ShowCurrentUser;
import id.anycheck.auth.application.StartSession;
import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.application.access.GroupAdministration;
import id.anycheck.auth.application.access.OrganizationSettings;
import id.anycheck.auth.application.access.UserAdministration;
import id.anycheck.auth.application.apikey.ApiKeyCache;
import id.anycheck.auth.application.apikey.AuthenticateApiKey;
import id.anycheck.auth.application.apikey.IssueApiKey;
import id.anycheck.auth.application.apikey.ListApiKeys;
import id.anycheck.auth.application.apikey.RevokeApiKey;
import id.anycheck.auth.application.apikey.RotateApiKey;
import id.anycheck.auth.application.apikey.SetApiKeyLimit;
import id.anycheck.auth.application.apikey.ShowCurrentApiKey;
import id.anycheck.auth.application.mfa.ConfirmTotp;
import id.anycheck.auth.application.mfa.DisableTotp;
import id.anycheck.auth.application.mfa.EnrolTotp;
import id.anycheck.auth.application.mfa.MfaChallenges;
import id.anycheck.auth.application.mfa.MfaEnrollmentPolicy;
import id.anycheck.auth.application.mfa.VerifySecondFactor;
import id.anycheck.auth.application.protection.LoginLockout;
import id.anycheck.auth.application.protection.PurgeStaleRecords;
import id.anycheck.auth.application.protection.RateLimitRejections;
import id.anycheck.auth.application.protection.UnlockUser;
import id.anycheck.auth.application.protection.UnusualAccess;
import id.anycheck.auth.application.sso.BeginSingleSignOn;
import id.anycheck.auth.application.sso.CompleteSingleSignOn;
import id.anycheck.auth.application.sso.SingleSignOnAdministration;
import id.anycheck.auth.application.verification.Verifications;
import id.anycheck.auth.domain.port.IdentityProvider;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import id.anycheck.auth.entra.MsalIdentityProvider;
import id.anycheck.auth.http.HttpApi;
import id.anycheck.auth.http.HttpMetrics;
import id.anycheck.auth.http.UseCases;
import id.anycheck.auth.http.jwt.JwtTokenService;
import id.anycheck.auth.http.jwt.SigningKey;
import id.anycheck.auth.persistence.DataSourceReadinessProbe;
import id.anycheck.auth.persistence.Database;
import id.anycheck.auth.persistence.JavaOtpTotpGenerator;
import id.anycheck.auth.persistence.JdbiAccessSources;
import id.anycheck.auth.persistence.JdbiApiKeyRepository;
import id.anycheck.auth.persistence.JdbiAuditLog;
import id.anycheck.auth.persistence.JdbiLoginAttempts;
import id.anycheck.auth.persistence.JdbiMfaChallengeRepository;
import id.anycheck.auth.persistence.JdbiOrganizationRepository;
import id.anycheck.auth.persistence.JdbiSessionRepository;
import id.anycheck.auth.persistence.JdbiSingleSignOnRepository;
import id.anycheck.auth.persistence.JdbiTotpRepository;
import id.anycheck.auth.persistence.JdbiUserRepository;
import id.anycheck.auth.persistence.JdbiVerificationRepository;
import id.anycheck.auth.persistence.StoredMfaEncryptionKey;
import id.anycheck.auth.persistence.StoredSigningKey;
import id.anycheck.auth.persistence.TotpSecretCipher;
import id.anycheck.auth.persistence.password.Argon2Parameters;
import id.anycheck.auth.persistence.password.Argon2idPasswordHasher;
import id.anycheck.auth.ratelimit.InProcessRateLimiter;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wired service: the database with its schema migrated, the adapters and the use cases.
 * Builds the HTTP application on request. Close it once, at shutdown.
 */
final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private static final int ACTIVE_SESSION_CACHE_ENTRIES = 100_000;
    private static final int API_KEY_CACHE_ENTRIES = 100_000;
    private static final int RATE_LIMIT_QUOTA_CACHE_ENTRIES = 100_000;

    private final Settings settings;
    private final Database database;
    private final Monitoring monitoring;
    private final HttpMetrics httpMetrics;
    private final UseCases useCases;
    private final ProvisionOrganization provisionOrganization;
    private final CreateUser createUser;
    private final PurgeStaleRecords purgeStaleRecords;
    private final Clock clock;
    /** Runs periodic cleanup while a server runs; null until {@link #startHousekeeping}. */
    private ScheduledExecutorService housekeeping;

    private Service(Settings settings, Database database, UseCases useCases,
            ProvisionOrganization provisionOrganization, CreateUser createUser, PurgeStaleRecords purgeStaleRecords,
            Clock clock) {
        this.settings = settings;
        this.database = database;
        this.monitoring = new Monitoring(database);
        this.httpMetrics = new HttpMetrics(monitoring.registry(), settings.operations().metricsToken());
        this.useCases = useCases;
        this.provisionOrganization = provisionOrganization;
        this.createUser = createUser;
        this.purgeStaleRecords = purgeStaleRecords;
        this.clock = clock;
    }

    /** Opens the database, applies pending migrations and wires the use cases. */
    static Service open(Settings settings, Clock clock) {
        Database database = Database.open(settings.database());
        try {
            database.migrate();
            return wire(settings, database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Service wire(Settings settings, Database database, Clock clock) {
        SecureRandom random = new SecureRandom();
        var users = new JdbiUserRepository(database.jdbi());
        var organizations = new JdbiOrganizationRepository(database.jdbi());
        var sessions = new JdbiSessionRepository(database.jdbi(), database.kind());
        var passwordHasher = new Argon2idPasswordHasher(settings.argon2(), settings.hashConcurrency(), random);
        var tokenService = new JwtTokenService(
                signingKeys(settings, database, random, clock), settings.issuer(), settings.audience(), clock);
        var activeSessions = new ActiveSessionCache(
                sessions, settings.sessionCacheTime(), ACTIVE_SESSION_CACHE_ENTRIES, clock);
        var passwordGenerator = new PasswordGenerator(random);
        var apiKeys = new JdbiApiKeyRepository(database.jdbi());
        var auditLog = new JdbiAuditLog(database.jdbi());
        var auditTrail = new AuditTrail(auditLog, clock);
        ProtectionSettings protection = settings.protection();
        var accessSources = new JdbiAccessSources(database.jdbi());
        var loginAttempts = new JdbiLoginAttempts(database.jdbi());
        var unusualAccess = new UnusualAccess(accessSources, protection.accessHistory(), auditTrail, clock);
        var loginLockout = new LoginLockout(loginAttempts, protection.lockout(), auditTrail, clock);
        var totp = new JdbiTotpRepository(database.jdbi(),
                new TotpSecretCipher(mfaEncryptionKey(settings, database, random, clock), random));
        var totpGenerator = new JavaOtpTotpGenerator();
        var mfaChallenges = new JdbiMfaChallengeRepository(database.jdbi());
        var mfaEnrollment = new MfaEnrollmentPolicy(organizations, totp);
        var startSession = new StartSession(sessions, tokenService, mfaEnrollment, random, unusualAccess,
                auditTrail, clock);

        var apiKeyCache = new ApiKeyCache(
                apiKeys, organizations, settings.sessionCacheTime(), API_KEY_CACHE_ENTRIES, clock);
        var actors = new Actors(users);
        var administrators = new Administrators(actors);
        var issueApiKey = new IssueApiKey(apiKeys, organizations, administrators, auditTrail, random, clock);
        var createUser = new CreateUser(users, organizations, passwordHasher, passwordGenerator, clock);
        ServiceCatalogue catalogue = settings.serviceCatalogue();
        RateLimitSettings rateLimits = settings.rateLimits();
        var rateLimiter = new InProcessRateLimiter(rateLimits.window(), rateLimits.maxCounters(), clock, System::nanoTime);
        var rateLimitQuotas = new RateLimitQuotas(organizations, rateLimits.planLimits(), rateLimits.quotaCacheTime(),
                RATE_LIMIT_QUOTA_CACHE_ENTRIES, clock);
        var applyRateLimits = new ApplyRateLimits(rateLimiter, rateLimitQuotas, users,
                rateLimits.clientLimitPerMinute(), new RateLimitRejections(auditTrail));

        Argon2Parameters argon2 = settings.argon2();
        if (argon2.memoryKiB() < Argon2Parameters.OWASP.memoryKiB()
                || argon2.iterations() < Argon2Parameters.OWASP.iterations()) {
            LOG.warn("Argon2id parameters {} are weaker than the OWASP minimum {}; do not use them in production",
                    argon2, Argon2Parameters.OWASP);
        }

        var singleSignOnRepository = new JdbiSingleSignOnRepository(database.jdbi(), database.kind());
        Optional<SingleSignOnConfiguration> singleSignOn = settings.singleSignOn();
        Optional<IdentityProvider> identityProvider = singleSignOn
                .map(configuration -> new MsalIdentityProvider(configuration.entra(), clock));
        var redirectUris = new BeginSingleSignOn.RedirectUris(
                singleSignOn.map(SingleSignOnConfiguration::redirectUri).orElse(""),
                singleSignOn.map(SingleSignOnConfiguration::allowedRedirectUris).orElse(Set.of()));
        singleSignOn.ifPresent(configuration -> LOG.info("Single sign-on uses {}", configuration.entra()));

        UseCases useCases = new UseCases(
                new LogIn(users, organizations, passwordHasher, loginLockout, startSession,
                        new MfaChallenges(totp, mfaChallenges, random, clock)),
                new RefreshSession(tokenService, sessions, users, organizations, activeSessions, auditTrail,
                        mfaEnrollment, random, clock),
                new LogOut(sessions, activeSessions, auditTrail, clock),
                new AuthenticateAccessToken(tokenService, activeSessions),
                new ShowCurrentUser(users, organizations, totp),
                new CheckReadiness(new DataSourceReadinessProbe(database.dataSource())),
                new AuthenticateApiKey(apiKeyCache, apiKeys, auditTrail, unusualAccess, clock),
                new ShowCurrentApiKey(apiKeys, organizations),
                issueApiKey,
                new RotateApiKey(apiKeys, apiKeyCache, administrators, auditTrail, random, clock),
                new RevokeApiKey(apiKeys, apiKeyCache, administrators, auditTrail, clock),
                new ListApiKeys(apiKeys, administrators),
                new OrganizationSettings(organizations, apiKeys, actors, auditTrail),
                new GroupAdministration(organizations, catalogue, actors, apiKeyCache, applyRateLimits, auditTrail,
                        clock),
                new UserAdministration(users, organizations, sessions, activeSessions, createUser, passwordHasher,
                        passwordGenerator, actors, auditTrail, clock),
                new Verifications(new JdbiVerificationRepository(database.jdbi()), organizations, catalogue, actors,
                        auditTrail, clock),
                applyRateLimits,
                new ListAuditEvents(auditLog, actors),
                new UnlockUser(users, actors, loginLockout, auditTrail),
                new ChangePassword(users, sessions, activeSessions, passwordHasher, loginLockout, auditTrail, clock),
                new EnrolTotp(users, totp, totpGenerator, random, clock),
                new ConfirmTotp(totp, totpGenerator, auditTrail, random, clock),
                new DisableTotp(totp, organizations, totpGenerator, auditTrail, clock),
                new VerifySecondFactor(mfaChallenges, users, organizations, totp, totpGenerator, startSession,
                        auditTrail, clock),
                new BeginSingleSignOn(identityProvider, singleSignOnRepository, redirectUris, random, clock),
                new CompleteSingleSignOn(identityProvider, singleSignOnRepository, users, organizations,
                        startSession, auditTrail, clock),
                new SingleSignOnAdministration(singleSignOnRepository, organizations, actors, auditTrail, clock));
        return new Service(settings, database, useCases,
                new ProvisionOrganization(organizations, passwordHasher, passwordGenerator, issueApiKey, catalogue,
                        clock),
                createUser,
                new PurgeStaleRecords(loginAttempts, accessSources, protection.lockout(), protection.accessHistory(),
                        clock),
                clock);
    }

    private static List<SigningKey> signingKeys(Settings settings, Database database, SecureRandom random, Clock clock) {
        if (!settings.signingKeys().isEmpty()) {
            return settings.signingKeys();
        }
        var stored = new StoredSigningKey(database.jdbi()).loadOrCreate(() -> {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return new StoredSigningKey.Key(
                    SigningKey.fromSecret(secret).keyId(), Base64.getEncoder().encodeToString(secret));
        }, clock.instant());
        LOG.warn("ANYCHECK_JWT_SECRET is not set: tokens are signed with a generated key stored in the database."
                + " Set ANYCHECK_JWT_SECRET (for example: openssl rand -base64 32) to manage the key yourself.");
        return List.of(new SigningKey(stored.keyId(), Base64.getDecoder().decode(stored.base64Secret())));
    }

    private static byte[] mfaEncryptionKey(Settings settings, Database database, SecureRandom random, Clock clock) {
        if (settings.mfaEncryptionKey().isPresent()) {
            return settings.mfaEncryptionKey().get();
        }
        String stored = new StoredMfaEncryptionKey(database.jdbi()).loadOrCreate(() -> {
            byte[] key = new byte[TotpSecretCipher.KEY_BYTES];
            random.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }, clock.instant());
        LOG.warn("ANYCHECK_MFA_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with a generated key stored in"
                + " the same database. Set ANYCHECK_MFA_ENCRYPTION_KEY (for example: openssl rand -base64 32) to"
                + " keep the key apart from the data.");
        return Base64.getDecoder().decode(stored);
    }

    /** Creates the HTTP application, not yet started; {@code server} may set more options. */
    Javalin httpApp(Consumer<JavalinConfig> server) {
        return HttpApi.create(useCases, settings.http(), clock, httpMetrics, server);
    }

    Settings settings() {
        return settings;
    }

    Database database() {
        return database;
    }

    ProvisionOrganization provisionOrganization() {
        return provisionOrganization;
    }

    ChangePlan changePlan() {
        return new ChangePlan(new JdbiOrganizationRepository(database.jdbi()),
                new AuditTrail(new JdbiAuditLog(database.jdbi()), clock));
    }

    SetApiKeyLimit setApiKeyLimit() {
        return new SetApiKeyLimit(new JdbiApiKeyRepository(database.jdbi()));
    }

    IssueApiKey issueApiKey() {
        return useCases.issueApiKey();
    }

    CreateUser createUser() {
        return createUser;
    }

    /** Returns the use case whose {@code planChanged} and {@code groupQuotaChanged} apply a change at once. */
    ApplyRateLimits applyRateLimits() {
        return useCases.applyRateLimits();
    }

    /**
     * Starts deleting stale failed-login counts and access sources: a minute after start, then
     * every hour, on one daemon thread. Only servers need it; commands leave it off.
     */
    synchronized void startHousekeeping() {
        if (housekeeping != null) {
            return;
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::purgeStaleRecords, 1, 60, TimeUnit.MINUTES);
    }

    private void purgeStaleRecords() {
        try {
            purgeStaleRecords.run();
        } catch (RuntimeException e) {
            // The next run tries again; an exception here would cancel every later run.
            LOG.warn("Deleting stale records failed; retrying in an hour: {}", e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
        }
        try {
            database.close();
        } finally {
            monitoring.close();
        }
    }
}
