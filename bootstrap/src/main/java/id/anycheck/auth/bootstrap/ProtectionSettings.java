package id.anycheck.auth.bootstrap;

import id.anycheck.auth.domain.lockout.LockoutPolicy;
import java.time.Duration;

/**
 * Settings of account protection.
 *
 * @param lockout thresholds and back-offs of failed-login tracking
 * @param accessHistory how long a device or network stays known without being seen
 */
record ProtectionSettings(LockoutPolicy lockout, Duration accessHistory) {
}
