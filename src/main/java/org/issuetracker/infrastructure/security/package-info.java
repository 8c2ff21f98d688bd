/**
 * Security's one home: PBKDF2 password hashing (Jakarta Security's {@code Pbkdf2PasswordHash}), the identity store
 * on the user collection, the HTTP authentication mechanism (Basic, personal API tokens as Bearer, the web session),
 * the sign-in throttle ({@link org.issuetracker.infrastructure.security.SignInThrottle}: failed passwords per account
 * and client address), and the {@link org.issuetracker.domain.shared.Actor} every service receives. Authorization
 * rules live in the services, not here.
 */
package org.issuetracker.infrastructure.security;
