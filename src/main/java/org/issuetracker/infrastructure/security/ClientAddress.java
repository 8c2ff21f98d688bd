package org.issuetracker.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address, for every limit kept per client (anonymous CSV exports, failed sign-ins): the one the
 * balancer forwards (the last {@code X-Forwarded-For} entry, the one it added) or else the connection's. Trusted as
 * the {@code X-Forwarded-Proto} scheme mapping is: only the balancer may reach the application's port. Where clients
 * can reach it directly, they choose this address themselves, and a limit per address holds only as far as the
 * limits per account beside it do.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
