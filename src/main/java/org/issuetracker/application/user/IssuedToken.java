package org.issuetracker.application.user;

import org.issuetracker.domain.user.ApiToken;

/** A token just made, with its secret: the only moment the secret exists outside its owner's hands. */
public record IssuedToken(ApiToken token, String secret) {}
