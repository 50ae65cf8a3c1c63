package id.anycheck.auth.application;

import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.user.User;

/** Result of a login or refresh: the tokens and the user they were issued to. */
public record Authentication(IssuedTokens tokens, User user) {
}
