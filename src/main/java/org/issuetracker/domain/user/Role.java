package org.issuetracker.domain.user;

/** What a user may do: every user files, comments and votes; admins also triage and manage. */
public enum Role {
    USER,
    ADMIN
}
