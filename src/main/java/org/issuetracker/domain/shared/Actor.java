package org.issuetracker.domain.shared;

import java.util.Set;

/** Who is asking: a signed-in user with roles, or {@link #ANONYMOUS}. */
public record Actor(String username, Set<String> roles) {

    public static final String ROLE_USER = "USER";
    public static final String ROLE_ADMIN = "ADMIN";
    public static final Actor ANONYMOUS = new Actor(null, Set.of());

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isSignedIn() {
        return username != null;
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public boolean is(String otherUsername) {
        return username != null && username.equals(otherUsername);
    }

    /** Throws unless signed in. */
    public Actor requireSignedIn(String toDoWhat) {
        if (!isSignedIn()) {
            throw new AuthenticationRequiredException("Sign in to " + toDoWhat);
        }
        return this;
    }

    /** Throws unless an admin (401 for anonymous callers, 403 for others). */
    public Actor requireAdmin(String toDoWhat) {
        requireSignedIn(toDoWhat);
        if (!isAdmin()) {
            throw new AccessDeniedException("Only administrators may " + toDoWhat);
        }
        return this;
    }

    /** Throws unless the given user or an admin. */
    public Actor requireSelfOrAdmin(String owner, String toDoWhat) {
        requireSignedIn(toDoWhat);
        if (!is(owner) && !isAdmin()) {
            throw new AccessDeniedException("Only its author or an administrator may " + toDoWhat);
        }
        return this;
    }
}
