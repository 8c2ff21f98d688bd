/**
 * The REST API under {@code /api}: JSON-B bodies, and every error as {@code application/problem+json} (RFC 9457)
 * through one exception mapper per kind of failure.
 */
package org.issuetracker.interfaces.rest;
