package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language of the pages: the one picked in the footer (a cookie, see {@link LanguageSwitch}), else the browser's
 * preferred one among those the tracker speaks (faces-config's supported locales). A cookie rather than the HTTP
 * session, so that anonymous readers never need a session.
 */
@Named
@RequestScoped
public class LocaleSelection {

    static final String COOKIE = "issuetracker-language";

    @Inject
    FacesContext faces;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = chosen().orElseGet(
                            () -> faces.getApplication().getViewHandler().calculateLocale(faces));
        }
        return locale;
    }

    private java.util.Optional<Locale> chosen() {
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie language) {
            Locale wanted = Locale.forLanguageTag(language.getValue());
            return available(faces).contains(wanted) ? java.util.Optional.of(wanted) : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /** The languages offered, each named in itself ("Deutsch", not "German"). */
    public List<Locale> getAvailable() {
        return available(faces);
    }

    static List<Locale> available(FacesContext faces) {
        List<Locale> locales = new ArrayList<>();
        locales.add(faces.getApplication().getDefaultLocale());
        faces.getApplication().getSupportedLocales().forEachRemaining(supported -> {
            if (!locales.contains(supported)) {
                locales.add(supported);
            }
        });
        return locales;
    }

    public String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The link that switches to a language and comes back to this very page (its address included). */
    public String switchUrl(Locale language) {
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        String here =
                request.getServletPath() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return request.getContextPath() + "/language?to=" + language.toLanguageTag() + "&back="
                + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
