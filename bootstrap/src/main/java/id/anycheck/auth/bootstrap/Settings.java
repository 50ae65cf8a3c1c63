package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.organization.PlanLimits;
import id.anycheck.auth.http.HttpSettings;
import id.anycheck.auth.http.TrustedProxies;
import id.anycheck.auth.http.jwt.SigningKey;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import id.anycheck.auth.persistence.DatabaseKind;
import id.anycheck.auth.persistence.DatabaseSettings;
import id.anycheck.auth.persistence.password.Argon2Parameters;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's configuration, read from environment variables and checked before anything
 * starts.
 *
 * @param signingKeys configured JWT keys, the signing key first; empty to use the generated key
 * @param rateLimits the request limits; the trusted proxies are in {@code http}
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
        RateLimitSettings rateLimits) {

    /** @throws ConfigurationException naming the first variable with an unusable value */
    static Settings fromEnvironment(Map<String, String> environment) {
        Reader reader = new Reader(environment);
        reader.logLevel();
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
                reader.rateLimits());
    }

    /** Returns these settings with another database URL, keeping every other value. */
    Settings withDatabaseUrl(String url) {
        DatabaseSettings other = new DatabaseSettings(
                url, database.user(), database.password(), database.poolSize(), database.connectionTimeout());
        return new Settings(host, port, other, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, rateLimits);
    }

    /** Returns these settings with another listening address, keeping every other value. */
    Settings withHost(String otherHost) {
        return new Settings(otherHost, port, database, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, rateLimits);
    }

    /** Returns these settings with other request limits, keeping every other value. */
    Settings withRateLimits(RateLimitSettings otherRateLimits) {
        return new Settings(host, port, database, signingKeys, issuer, audience, sessionCacheTime, http, argon2,
                hashConcurrency, serviceCatalogue, otherRateLimits);
    }

    private static final class Reader {

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
            try {
                DatabaseKind.of(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Variable.DB_URL,
                        "must start with jdbc:h2: or jdbc:postgresql:, for example jdbc:postgresql://localhost:5432/anycheck");
            }
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
            if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(level.toUpperCase(Locale.ROOT))) {
                throw new ConfigurationException(Variable.LOG_LEVEL,
                        "must be ERROR, WARN, INFO, DEBUG or TRACE, but is '" + level + "'");
            }
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

        int hashConcurrency() {
            if (raw(Variable.HASH_CONCURRENCY) == null) {
                return Runtime.getRuntime().availableProcessors();
            }
            return integer(Variable.HASH_CONCURRENCY, 1, 1024);
        }
    }
}
