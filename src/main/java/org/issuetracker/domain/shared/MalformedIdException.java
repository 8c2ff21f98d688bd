package org.issuetracker.domain.shared;

/** A text that cannot be an id of that kind: nothing can have it, so it is a "not found" of its own sort. */
public class MalformedIdException extends NotFoundException {

    public MalformedIdException(String kind, String text) {
        super(kind, text, "'" + abbreviate(text) + "' is not " + article(kind) + " id (ids are 24 hexadecimal digits)");
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
