package org.issuetracker.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error answers of the OpenAPI document: the {@link Problem} schema and one reusable response per status
 * (components/responses), as the exception mappers write them.
 */
final class ProblemAnswers {

    static final String PROBLEM_SCHEMA = "Problem";

    /** The reusable error answers, by status. */
    private static final Map<String, Answer> ERRORS = errors();

    private record Answer(String name, String description) {}

    private ProblemAnswers() {}

    static void addTo(Components components) {
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        ERRORS.forEach((status, answer) -> components.addResponse(answer.name(), problemResponse(answer)));
    }

    /** A reference to the answer for {@code status}, one of those {@link #addTo} adds. */
    static APIResponse reference(String status) {
        Answer answer = ERRORS.get(status);
        if (answer == null) {
            throw new IllegalArgumentException("No error answer for status " + status);
        }
        return OASFactory.createAPIResponse().ref("#/components/responses/" + answer.name());
    }

    private static APIResponse problemResponse(Answer answer) {
        return OASFactory.createAPIResponse()
                .description(answer.description())
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema()
                                                .ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("The field or parameter as the client sent it"))
                .addProperty(
                        "message",
                        OASFactory.createSchema().type(Schema.SchemaType.STRING).description("What is wrong"));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, the body of every error answer")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("Stable per kind of problem, e.g. urn:issuetracker:problem:validation"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("For this occurrence; a 500 names the incident id of the server log"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .items(fieldError)
                                .description("The invalid fields of a 400, one entry each"));
    }

    private static Map<String, Answer> errors() {
        Map<String, Answer> errors = new LinkedHashMap<>();
        errors.put(
                "400",
                new Answer(
                        "BadRequest",
                        "Invalid parameters or body: unreadable JSON, an id of the wrong form, a field that breaks"
                                + " a rule (errors names each field)"));
        errors.put(
                "401",
                new Answer(
                        "Unauthorized",
                        "Credentials are needed (writes always; reads when anonymous reading is off) or are wrong:"
                                + " a wrong password, or an API token that is unknown, expired or revoked;"
                                + " WWW-Authenticate names the scheme"));
        errors.put(
                "403",
                new Answer("Forbidden", "Signed in, but this user may not do this (the rules of the operation)"));
        errors.put(
                "404",
                new Answer(
                        "NotFound",
                        "Nothing with this id, or nothing this caller may see (hidden records answer as missing)"));
        errors.put(
                "409",
                new Answer(
                        "Conflict",
                        "The current state does not allow it: archived, a name already taken, a restore over"
                                + " users' work"));
        errors.put(
                "412",
                new Answer("PreconditionFailed", "If-Match names a version that is no longer the current one (ETag)"));
        errors.put("413", new Answer("PayloadTooLarge", "The body is larger than the API accepts"));
        errors.put(
                "429",
                new Answer(
                        "TooManyRequests",
                        "Too many failed sign-ins for the account or from the client address: the credentials were"
                                + " not checked; retry after the seconds Retry-After names (the CSV export also"
                                + " limits anonymous exports per address)"));
        errors.put("415", new Answer("UnsupportedMediaType", "The body is not of the media type the operation reads"));
        errors.put(
                "500", new Answer("InternalServerError", "The server failed; detail names the incident id in its log"));
        errors.put(
                "503",
                new Answer(
                        "ServiceUnavailable",
                        "The database does not answer; nothing was changed. Retry after the seconds Retry-After names"));
        return errors;
    }
}
