package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The language of the pages: the browser's preferred one among those the tracker speaks (faces-config's supported
 * locales), until the user picks another in the footer; the choice lasts for the session.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    /** The languages offered, each named in itself ("Deutsch", not "German"). */
    public List<Locale> getAvailable() {
        List<Locale> locales = new ArrayList<>();
        FacesContext faces = FacesContext.getCurrentInstance();
        locales.add(faces.getApplication().getDefaultLocale());
        Iterator<Locale> supported = faces.getApplication().getSupportedLocales();
        supported.forEachRemaining(locale -> {
            if (!locales.contains(locale)) {
                locales.add(locale);
            }
        });
        return locales;
    }

    public String nameOf(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Switches the language and shows the same page again (same address, so nothing is re-submitted). */
    public void use(String languageTag) throws IOException {
        Locale requested = Locale.forLanguageTag(languageTag);
        if (getAvailable().contains(requested)) {
            chosen = requested;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        jakarta.servlet.http.HttpServletRequest request =
                (jakarta.servlet.http.HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
