package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The Content-Security-Policy of every response. Scripts come only from this server, and on Faces pages also from
 * the page's own inline scripts, which PrimeFaces marks with a nonce new on every response ({@code primefaces.CSP}
 * in web.xml: PrimeFaces sends the header for pages, {@link #getForPages()} plus {@code 'nonce-…'}, and moves
 * inline event handlers such as {@code onclick} into nonce-marked script). Everything else is this server's too;
 * inline styles stay allowed (PrimeFaces and Swagger UI set {@code style} attributes; a style cannot run code), and
 * images and fonts may be {@code data:} URIs (the themes embed theirs). No page may be framed by another site.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    static final String BASE = "default-src 'self'; img-src 'self' data:; font-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** What responses other than Faces pages get (the API, static files, Swagger UI): no inline script at all. */
    static final String WITHOUT_INLINE_SCRIPT = BASE + "; script-src 'self'";

    /**
     * What PrimeFaces sends for a page, with its nonce appended (which is why script-src comes last). Read through
     * EL ({@code #{contentSecurityPolicy.forPages}}) by PrimeFaces.
     */
    public String getForPages() {
        return BASE + "; script-src 'self'";
    }
}
