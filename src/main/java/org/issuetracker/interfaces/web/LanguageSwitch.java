package org.issuetracker.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /language?to=de&back=/index.xhtml?q=x}: remembers the language in a cookie (a year) and goes back to the
 * page, which is only ever a page of this application. Only the display changes, nothing is stored on the server.
 */
@WebServlet("/language")
public class LanguageSwitch extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The tags faces-config supports; anything else is ignored. */
    static final Set<String> LANGUAGES = Set.of("en", "de");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String wanted = request.getParameter("to");
        if (wanted != null && LANGUAGES.contains(Locale.forLanguageTag(wanted).toLanguageTag())) {
            Cookie cookie = new Cookie(
                    LocaleSelection.COOKIE, Locale.forLanguageTag(wanted).toLanguageTag());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        response.sendRedirect(request.getContextPath() + LocalPath.orHome(request.getParameter("back")));
    }
}
