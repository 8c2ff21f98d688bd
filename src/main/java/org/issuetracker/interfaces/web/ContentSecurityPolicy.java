package org.issuetracker.interfaces.web;

/**
 * The Content-Security-Policy of every response. Everything comes from this server only; inline styles stay allowed
 * (PrimeFaces and Swagger UI set {@code style} attributes; a style cannot run code), and images and fonts may be
 * {@code data:} URIs (the themes embed theirs). No page may be framed by another site, no plugin runs, no
 * {@code <base>} or form target points elsewhere. Faces pages also allow their inline scripts ({@code
 * 'unsafe-inline'}): PrimeFaces writes its widgets' set-up inline, and its nonce mode cannot be used here (see
 * web.xml), so against injected script pages rely on escaping every user text, which they do. Everything else (the
 * API, static files, Swagger UI) gets no inline script at all.
 */
public final class ContentSecurityPolicy {

    static final String BASE = "default-src 'self'; img-src 'self' data:; font-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Responses other than Faces pages. */
    static final String WITHOUT_INLINE_SCRIPT = BASE + "; script-src 'self'";

    /** Faces pages: their own inline scripts too. */
    static final String FOR_PAGES = BASE + "; script-src 'self' 'unsafe-inline'";

    private ContentSecurityPolicy() {}

    /** The policy for a request by its servlet path: pages are {@code *.xhtml} outside the Faces resources. */
    static String forPath(String servletPath) {
        return servletPath.endsWith(".xhtml") && !servletPath.startsWith("/jakarta.faces.resource/")
                ? FOR_PAGES
                : WITHOUT_INLINE_SCRIPT;
    }
}
