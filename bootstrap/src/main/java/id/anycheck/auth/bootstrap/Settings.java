package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.organization.PlanLimits;
import id.anycheck.auth.entra.EntraSettings;
import id.anycheck.auth.http.HttpSettings;
import id.anycheck.auth.http.TrustedProxies;
import id.anycheck.auth.http.jwt.SigningKey;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import id.anycheck.auth.persistence.DatabaseSettings;
import id.anycheck.auth.persistence.TotpSecretCipher;
import id.anycheck.auth.persistence.password.Argon2Parameters;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The service's configuration, read from environment variables and checked before anything
 * starts.
 *
 * @param signingKeys configured JWT keys, the signing key first; empty to use the generated key
 * @param rateLimits the request limits; the trusted proxies are in {@code http}
 * @param mfaEncryptionKey the configured AES-256 key of stored TOTP secrets; empty to use the
 *     generated key
 * @param singleSignOn the Entra ID settings, empty unless every variable that SSO needs is set
 */
record Settings(
        String host,
        int port,
        DatabaseSettings database,
        List<SigningKey> signingKeys,
        String issuer,
        String audience,
        Duration sessionCacheTime,
        HttpSettings http,
        Argon2Parameters argon2,
        int hashConcurrency,
        ServiceCatalogue serviceCatalogue,
        OperationsSettings operations,
        RateLimitSettings rateLimits,
        ProtectionSettings protection,
        Optional<byte[]> mfaEncryptionKey,
        Optional<SingleSignOnConfiguration> singleSignOn) {

    /** @throws ConfigurationException naming the first variable with an unusable value */
    static Settings fromEnvironment(Map<String, String> environment) {
        Reader reader = new Reader(environment);
        reader.logLevel();
        reader.logFormat();
        return new Settings(
                reader.host(),
                reader.integer(Variable.PORT, 1, 65_535),
                reader.database(),
                reader.signingKeys(),
                reader.text(Variable.JWT_ISSUER),
                reader.text(Variable.JWT_AUDIENCE),
                Duration.ofSeconds(reader.integer(Variable.SESSION_CACHE_SECONDS, 0, 3600)),
                new HttpSettings(reader.integer(Variable.MAX_BODY_BYTES, 1024, 16 * 1024 * 1024),
                        reader.trustedProxies(), reader.bool(Variable.RATE_LIMIT_DRAFT_FIELDS)),
                reader.argon2(),
                reader.hashConcurrency(),
                reader.serviceCatalogue(),
                reader.operations(),
                reader.rateLimits(),
                reader.protection(),
                reader.mfaEncryptionKey(),
                reader.singleSignOn());
    }

    /** Returns these settings with another database URL, keeping every other value. */
    Settings withDatabaseUrl(String url) {
        DatabaseSettings other = new DatabaseSettings(
                url, database.user(), database.password(), database.poolSize(), database.connectionTimeout());
        return new Settings(host, port, other, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, operations, rateLimits, protection, mfaEncryptionKey,
                singleSignOn);
    }

    /** Returns these settings with another listening address, keeping every other value. */
    Settings withHost(String otherHost) {
        return new Settings(otherHost, port, database, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, operations, rateLimits, protection, mfaEncryptionKey,
                singleSignOn);
    }

    /** Returns these settings with other request limits, keeping every other value. */
    Settings withRateLimits(RateLimitSettings otherRateLimits) {
        return new Settings(host, port, database, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, operations, otherRateLimits, protection, mfaEncryptionKey,
                singleSignOn);
    }

    /** Returns these settings with other single sign-on settings, keeping every other value. */
    Settings withSingleSignOn(Optional<SingleSignOnConfiguration> otherSingleSignOn) {
        return new Settings(host, port, database, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, operations, rateLimits, protection, mfaEncryptionKey,
                otherSingleSignOn);
    }

    private static final class Reader {

        private static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
        private static final Pattern LOGGER_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.-]*");
        private static final int MIN_METRICS_TOKEN_LENGTH = 16;
        /** The Entra ID variables that single sign-on needs; ANYCHECK_ENTRA_AUTHORITY is optional. */
        private static final List<String> ENTRA_VARIABLES = List.of(Variable.ENTRA_TENANT_ID.key(),
                Variable.ENTRA_CLIENT_ID.key(), Variable.ENTRA_CLIENT_SECRET.key(), Variable.ENTRA_REDIRECT_URI.key());
        /** A GUID, organizations, common or a verified domain name: letters, digits, dots and hyphens. */
        private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]{1,100}");

        private final Map<String, String> environment;

        Reader(Map<String, String> environment) {
            this.environment = environment;
        }

        String raw(Variable variable) {
            String value = environment.get(variable.key());
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(Variable variable) {
            String value = raw(variable);
            return value != null ? value : variable.defaultValue();
        }

        String host() {
            String host = text(Variable.HOST);
            try {
                InetAddress address = InetAddress.getByName(host);
                if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                        || NetworkInterface.getByInetAddress(address) != null) {
                    return host;
                }
            } catch (UnknownHostException | SocketException e) {
                // reported below, like an address of another machine
            }
            throw new ConfigurationException(Variable.HOST, "is '" + host
                    + "', which is not an address of this machine; use for example 0.0.0.0"
                    + " (every interface) or 127.0.0.1 (this machine only)");
        }

        ServiceCatalogue serviceCatalogue() {
            String value = text(Variable.VERIFICATION_SERVICES);
            List<String> services = Arrays.stream(value.split(",")).map(String::strip).toList();
            try {
                return new ServiceCatalogue(services);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.VERIFICATION_SERVICES, "is '" + value + "': "
                        + e.getMessage() + "; give a comma-separated list such as identity_check,face_match");
            }
        }

        int integer(Variable variable, int min, int max) {
            String value = text(variable);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below, like a value out of range
            }
            throw new ConfigurationException(variable,
                    "must be a whole number from " + min + " to " + max + ", but is '" + value + "'");
        }

        DatabaseSettings database() {
            String url = text(Variable.DB_URL);
            DatabaseSettings.urlProblem(url).ifPresent(problem -> {
                throw new ConfigurationException(Variable.DB_URL, problem.contains("for example")
                        ? problem
                        : problem + ", for example jdbc:postgresql://localhost:5432/anycheck");
            });
            String user = raw(Variable.DB_USER);
            String password = environment.getOrDefault(Variable.DB_PASSWORD.key(), "");
            return new DatabaseSettings(url, user == null ? "" : user, password,
                    integer(Variable.DB_POOL_SIZE, 1, 500),
                    Duration.ofMillis(integer(Variable.DB_CONNECTION_TIMEOUT_MS, 250, 600_000)));
        }

        List<SigningKey> signingKeys() {
            String value = raw(Variable.JWT_SECRET);
            if (value == null) {
                return List.of();
            }
            List<SigningKey> keys = new ArrayList<>();
            String[] secrets = value.split(",");
            for (int i = 0; i < secrets.length; i++) {
                byte[] secret = decodeBase64(secrets[i].strip(), i + 1);
                if (secret.length < SigningKey.MIN_SECRET_BYTES) {
                    throw new ConfigurationException(Variable.JWT_SECRET, "secret number " + (i + 1) + " has "
                            + secret.length + " bytes but needs at least " + SigningKey.MIN_SECRET_BYTES
                            + "; generate one with: openssl rand -base64 32");
                }
                keys.add(SigningKey.fromSecret(secret));
            }
            return List.copyOf(keys);
        }

        private static byte[] decodeBase64(String text, int position) {
            try {
                return text.contains("-") || text.contains("_")
                        ? Base64.getUrlDecoder().decode(text)
                        : Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.JWT_SECRET, "secret number " + position
                        + " is not valid base64; generate one with: openssl rand -base64 32");
            }
        }

        Optional<byte[]> mfaEncryptionKey() {
            String value = raw(Variable.MFA_ENCRYPTION_KEY);
            if (value == null) {
                return Optional.empty();
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.MFA_ENCRYPTION_KEY,
                        "is not valid base64; generate a key with: openssl rand -base64 32");
            }
            if (key.length != TotpSecretCipher.KEY_BYTES) {
                throw new ConfigurationException(Variable.MFA_ENCRYPTION_KEY, "has " + key.length
                        + " bytes but must have exactly " + TotpSecretCipher.KEY_BYTES
                        + "; generate a key with: openssl rand -base64 32");
            }
            return Optional.of(key);
        }

        Argon2Parameters argon2() {
            int memory = integer(Variable.ARGON2_MEMORY_KIB, 8, 262_144);
            int iterations = integer(Variable.ARGON2_ITERATIONS, 1, 16);
            int parallelism = integer(Variable.ARGON2_PARALLELISM, 1, 16);
            if (memory < 8 * parallelism) {
                throw new ConfigurationException(Variable.ARGON2_MEMORY_KIB,
                        "must be at least 8 KiB per lane of ANYCHECK_ARGON2_PARALLELISM");
            }
            return new Argon2Parameters(memory, iterations, parallelism);
        }

        /** Checks the level that logback.xml reads from the same variable. */
        void logLevel() {
            String level = text(Variable.LOG_LEVEL);
            if (!LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
                throw new ConfigurationException(Variable.LOG_LEVEL,
                        "must be ERROR, WARN, INFO, DEBUG or TRACE, but is '" + level + "'");
            }
        }

        /** Checks the format that logback.xml reads from the same variable to choose its appender. */
        void logFormat() {
            String format = text(Variable.LOG_FORMAT);
            if (!List.of("text", "json").contains(format)) {
                throw new ConfigurationException(Variable.LOG_FORMAT,
                        "must be text or json (in lower case), but is '" + format + "'");
            }
        }

        OperationsSettings operations() {
            return new OperationsSettings(
                    metricsToken(),
                    Duration.ofSeconds(integer(Variable.SHUTDOWN_TIMEOUT_SECONDS, 1, 3600)),
                    loggerLevels(),
                    singleSignOnConfigured());
        }

        private boolean singleSignOnConfigured() {
            return ENTRA_VARIABLES.stream().allMatch(key -> {
                String value = environment.get(key);
                return value != null && !value.isBlank();
            });
        }

        Optional<SingleSignOnConfiguration> singleSignOn() {
            if (!singleSignOnConfigured()) {
                return Optional.empty();
            }
            String tenantId = raw(Variable.ENTRA_TENANT_ID);
            if (!TENANT.matcher(tenantId).matches()) {
                throw new ConfigurationException(Variable.ENTRA_TENANT_ID, "is '" + tenantId
                        + "', which is not a tenant id; use the Directory (tenant) ID of the app registration, "
                        + "or organizations");
            }
            String clientId = raw(Variable.ENTRA_CLIENT_ID);
            String redirectUri = absoluteUri(Variable.ENTRA_REDIRECT_URI, raw(Variable.ENTRA_REDIRECT_URI)).toString();
            Set<String> allowedRedirectUris = new LinkedHashSet<>();
            String allowed = raw(Variable.ENTRA_ALLOWED_REDIRECT_URIS);
            if (allowed != null) {
                for (String uri : allowed.split(",")) {
                    allowedRedirectUris.add(absoluteUri(Variable.ENTRA_ALLOWED_REDIRECT_URIS, uri.strip()).toString());
                }
            }
            String authorityText = raw(Variable.ENTRA_AUTHORITY);
            URI authority = authorityText == null
                    ? EntraSettings.defaultAuthority(tenantId)
                    : httpsUri(Variable.ENTRA_AUTHORITY, authorityText.replace("{tenant}", tenantId));
            String metadataText = raw(Variable.ENTRA_METADATA_URL);
            URI metadataUrl = metadataText == null
                    ? EntraSettings.defaultMetadataUrl(authority)
                    : httpsUri(Variable.ENTRA_METADATA_URL, metadataText);
            Duration timeout = Duration.ofMillis(integer(Variable.ENTRA_TIMEOUT_MS, 100, 120_000));

            EntraSettings entra = new EntraSettings(tenantId, clientId, raw(Variable.ENTRA_CLIENT_SECRET), authority,
                    metadataUrl, timeout, defaultTls());
            return Optional.of(new SingleSignOnConfiguration(entra, redirectUri, allowedRedirectUris));
        }

        private static URI absoluteUri(Variable variable, String text) {
            try {
                URI uri = new URI(text);
                if (uri.isAbsolute() && uri.getHost() != null && List.of("http", "https").contains(uri.getScheme())
                        && uri.getFragment() == null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, like a relative URI
            }
            throw new ConfigurationException(variable, "contains '" + text
                    + "', which is not an absolute http or https URI without a fragment, such as https://app.example/sso/callback");
        }

        private static URI httpsUri(Variable variable, String text) {
            URI uri = absoluteUri(variable, text);
            if (!"https".equals(uri.getScheme())) {
                throw new ConfigurationException(variable, "is '" + text + "', but MSAL4J accepts only https URLs");
            }
            return uri;
        }

        private static SSLContext defaultTls() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime provides a default TLS context", e);
            }
        }

        private Optional<String> metricsToken() {
            String token = raw(Variable.METRICS_TOKEN);
            boolean usable = token == null
                    || token.length() >= MIN_METRICS_TOKEN_LENGTH && token.chars().noneMatch(Character::isWhitespace);
            if (!usable) {
                // The value is not repeated: it is a secret, even when unusable.
                throw new ConfigurationException(Variable.METRICS_TOKEN, "must be at least " + MIN_METRICS_TOKEN_LENGTH
                        + " characters without spaces; generate one with: openssl rand -hex 32");
            }
            return Optional.ofNullable(token);
        }

        private Map<String, String> loggerLevels() {
            String value = raw(Variable.LOG_LEVELS);
            Map<String, String> levels = new LinkedHashMap<>();
            if (value == null) {
                return levels;
            }
            for (String entry : value.split(",")) {
                String[] nameAndLevel = entry.strip().split("=", 2);
                String level = nameAndLevel.length == 2 ? nameAndLevel[1].strip().toUpperCase(Locale.ROOT) : "";
                if (!LOGGER_NAME.matcher(nameAndLevel[0].strip()).matches() || !LEVELS.contains(level)) {
                    throw new ConfigurationException(Variable.LOG_LEVELS, "entry '" + entry.strip()
                            + "' is not LOGGER=LEVEL with a level of ERROR, WARN, INFO, DEBUG or TRACE,"
                            + " for example org.eclipse.jetty=DEBUG");
                }
                levels.put(nameAndLevel[0].strip(), level);
            }
            return levels;
        }

        boolean bool(Variable variable) {
            String value = text(variable).toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new ConfigurationException(variable, "must be true or false, but is '" + value + "'");
        }

        TrustedProxies trustedProxies() {
            try {
                return TrustedProxies.parse(raw(Variable.TRUSTED_PROXIES));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.TRUSTED_PROXIES, "is invalid: " + e.getMessage());
            }
        }

        RateLimitSettings rateLimits() {
            PlanLimits planLimits;
            try {
                planLimits = PlanLimits.parse(text(Variable.PLAN_LIMITS));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.PLAN_LIMITS, "is invalid: " + e.getMessage()
                        + "; write it like " + Variable.PLAN_LIMITS.defaultValue());
            }
            return new RateLimitSettings(
                    planLimits,
                    integer(Variable.CLIENT_IP_LIMIT_PER_MINUTE, 1, PlanLimits.MAX_REQUESTS_PER_MINUTE),
                    Duration.ofSeconds(integer(Variable.RATE_LIMIT_CACHE_SECONDS, 0, 3600)),
                    integer(Variable.RATE_LIMIT_MAX_COUNTERS, 1_000, 100_000_000),
                    RateLimitSettings.WINDOW);
        }

        ProtectionSettings protection() {
            LockoutPolicy policy = new LockoutPolicy(
                    Duration.ofMinutes(integer(Variable.LOGIN_FAILURE_WINDOW_MINUTES, 1, 24 * 60)),
                    Duration.ofHours(integer(Variable.LOGIN_BACKOFF_RESET_HOURS, 1, 24 * 365)),
                    new LockoutPolicy.Limit(integer(Variable.LOGIN_LOCK_THRESHOLD, 1, 1000),
                            minutesList(Variable.LOGIN_LOCK_BACKOFF_MINUTES)),
                    new LockoutPolicy.Limit(integer(Variable.LOGIN_EMAIL_LOCK_THRESHOLD, 1, 100_000),
                            minutesList(Variable.LOGIN_EMAIL_LOCK_BACKOFF_MINUTES)),
                    new LockoutPolicy.Limit(integer(Variable.LOGIN_CLIENT_LOCK_THRESHOLD, 1, 100_000),
                            minutesList(Variable.LOGIN_CLIENT_LOCK_BACKOFF_MINUTES)));
            return new ProtectionSettings(policy, Duration.ofDays(integer(Variable.ACCESS_HISTORY_DAYS, 1, 3650)));
        }

        /** Reads a comma-separated, non-decreasing list of whole minutes, each from 1 to 10,080 (one week). */
        List<Duration> minutesList(Variable variable) {
            String value = text(variable);
            List<Duration> durations = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                try {
                    int minutes = Integer.parseInt(item.strip());
                    if (minutes >= 1 && minutes <= 10_080) {
                        durations.add(Duration.ofMinutes(minutes));
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // reported below, like a value out of range
                }
                throw new ConfigurationException(variable, "must be whole minutes from 1 to 10080 separated by "
                        + "commas, like " + variable.defaultValue() + ", but is '" + value + "'");
            }
            for (int i = 1; i < durations.size(); i++) {
                if (durations.get(i).compareTo(durations.get(i - 1)) < 0) {
                    throw new ConfigurationException(variable, "must not shrink from one lock to the next, like "
                            + variable.defaultValue() + ", but is '" + value + "'");
                }
            }
            return durations;
        }

        int hashConcurrency() {
            if (raw(Variable.HASH_CONCURRENCY) == null) {
                return Runtime.getRuntime().availableProcessors();
            }
            return integer(Variable.HASH_CONCURRENCY, 1, 1024);
        }
    }
}
