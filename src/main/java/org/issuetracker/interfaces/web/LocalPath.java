package org.issuetracker.interfaces.web;

/** Where a redirect named in a request may lead: only to a page of this application, never to another site. */
public final class LocalPath {

    public static final String HOME = "/index.xhtml";

    private LocalPath() {}

    /**
     * The path if it is one of this application ({@code /issues/view.xhtml?id=1}), else the home page: not
     * {@code //evil.example}, {@code https://...}, {@code /\evil.example} or anything with a control character.
     */
    public static String orHome(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return HOME;
        }
        // no control characters (browsers drop tabs and line breaks: "/\t/evil.example" would become "//evil...")
        return path.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? HOME : path;
    }
}
