package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Page-level messages ("issue filed", "please correct...") from the {@code msg} bundle in the user's locale. */
@RequestScoped
public class UiMessages {

    static final String BUNDLE = "org.issuetracker.interfaces.web.messages";

    @Inject
    FacesContext faces;

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    private void add(FacesMessage.Severity severity, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, faces.getViewRoot().getLocale(), Thread.currentThread().getContextClassLoader());
        String text =
                new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments);
        faces.addMessage(null, new FacesMessage(severity, text, text));
    }
}
