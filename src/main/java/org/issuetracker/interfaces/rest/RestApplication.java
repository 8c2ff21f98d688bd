package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API's root, and what its OpenAPI document ({@code /openapi}) says about it as a whole. Each operation's
 * errors and security requirements are added by {@link ApiDocumentFilter}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Issue Tracker API",
                        version = "1",
                        description = "Issues, comments, votes, categories, statuses, users and reports. Errors are"
                                + " application/problem+json (RFC 9457). Single resources carry an ETag (their version):"
                                + " If-None-Match answers 304, a stale If-Match answers 412. Issues are moderated: a new"
                                + " issue, and an approved one whose text its author changed, are seen only by their"
                                + " author and admins until an admin approves them."),
        tags = {
            @Tag(name = "Issues", description = "Filing, searching, editing, triage, votes, history and comments"),
            @Tag(name = "Comments", description = "A comment by its id: edit, archive, upvote, mark as the answer"),
            @Tag(name = "Categories", description = "Reference data: what an issue is about"),
            @Tag(name = "Statuses", description = "Reference data: where an issue stands (some are closed)"),
            @Tag(name = "Users", description = "Accounts and the signed-in user"),
            @Tag(name = "Reports", description = "Counts over the public issues"),
            @Tag(name = "Operations", description = "For admins: caches, the operations report, preflight, backups")
        },
        security = {
            @SecurityRequirement(name = RestApplication.BASIC),
            @SecurityRequirement(name = RestApplication.BEARER)
        })
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = RestApplication.BASIC,
            type = SecuritySchemeType.HTTP,
            scheme = "basic",
            description = "The tracker's users and passwords; with a personal API token, the only ways to write"
                    + " through the API"),
    @SecurityScheme(
            securitySchemeName = RestApplication.BEARER,
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            bearerFormat = "itk_ and 43 base64url characters",
            description = "A personal API token (POST /api/me/tokens, or the profile page): acts as its owner with"
                    + " the owner's roles until it expires, is revoked, or the owner's password changes"),
    @SecurityScheme(
            securitySchemeName = RestApplication.SESSION,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            apiKeyName = "JSESSIONID",
            description = "The web UI's signed-in session: reads only (a write with only this cookie is anonymous)")
})
public class RestApplication extends Application {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String BEARER = "token";
}
