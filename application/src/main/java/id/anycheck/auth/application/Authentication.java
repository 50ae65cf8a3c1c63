package id.anycheck.auth.application;

import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.user.User;

/**
 * Result of a login or refresh: the tokens and the user they were issued to.
 *
 * @param mfaEnrollmentRequired whether the access token only allows enrolling a second factor,
 *     because the organization requires MFA and the user has not turned it on
 */
public record Authentication(IssuedTokens tokens, User user, boolean mfaEnrollmentRequired) {
}
