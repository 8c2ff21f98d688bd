package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Instants as people read them, in the view's locale: {@code #{displayTime.of(issue.createdAt)}}. UTC until users
 * have a time zone of their own.
 */
@Named
@RequestScoped
public class DisplayTime {

    @Inject
    FacesContext faces;

    private DateTimeFormatter formatter;

    public String of(Instant instant) {
        if (instant == null) {
            return "";
        }
        if (formatter == null) {
            formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(faces.getViewRoot().getLocale())
                    .withZone(ZoneOffset.UTC);
        }
        return formatter.format(instant) + " UTC";
    }

    /** The machine-readable form, for {@code <time datetime="...">}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
