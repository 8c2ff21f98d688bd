package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API's root, and what its OpenAPI document ({@code /openapi}) says about it as a whole. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Issue Tracker API",
                        version = "1",
                        description = "Issues, comments, votes, categories, statuses, users and reports. Errors are"
                                + " application/problem+json (RFC 9457). Single resources carry an ETag (their version):"
                                + " If-None-Match answers 304, a stale If-Match answers 412."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {}
