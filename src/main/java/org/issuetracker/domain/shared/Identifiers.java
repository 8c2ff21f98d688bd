package org.issuetracker.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** The form of every generated id: 24 lower-case hex digits (a MongoDB ObjectId as text). */
public final class Identifiers {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");

    private Identifiers() {}

    /** Checks a stored or generated id; throws {@link MalformedIdException} otherwise. */
    public static String require(String kind, String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new MalformedIdException(kind, value == null ? "" : value);
        }
        return value;
    }

    /** Reads an id typed by a user or sent by a client: white space around it and upper-case hex are accepted. */
    public static String parse(String kind, String text) {
        return require(kind, text == null ? null : text.trim().toLowerCase(Locale.ROOT));
    }
}
