package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Texts and messages ("issue filed", "please correct...") from the {@code msg} bundle in the view's locale. */
@RequestScoped
public class UiMessages {

    static final String BUNDLE = "org.issuetracker.interfaces.web.messages";

    @Inject
    FacesContext faces;

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, null, text(key, arguments));
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, null, text(key, arguments));
    }

    /**
     * A message shown next to one field (its client id), which is marked invalid (styled, {@code aria-invalid}); at
     * the top of the page if there is no such field.
     */
    public void fieldError(String clientId, String text) {
        UIComponent field = clientId == null || faces.getViewRoot() == null
                ? null
                : faces.getViewRoot().findComponent(":" + clientId);
        if (field instanceof UIInput input) {
            // shown again as typed: an invalid field renders its submitted value
            Object typed = input.getValue();
            input.setSubmittedValue(typed == null ? null : typed.toString());
            input.setValid(false);
            add(FacesMessage.SEVERITY_ERROR, clientId, text);
        } else {
            // no such field on this page: shown with the page's messages rather than lost
            add(FacesMessage.SEVERITY_ERROR, null, text);
        }
    }

    /**
     * Keeps this request's messages for the page a redirect leads to (post-redirect-get), on whichever instance of
     * the cluster it lands ({@link NextPageMessages}).
     */
    public void keepForRedirect() {
        NextPageMessages.keep(faces);
    }

    public String text(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale(), Thread.currentThread().getContextClassLoader());
        return new MessageFormat(bundle.getString(key), locale()).format(arguments);
    }

    public Locale locale() {
        return faces.getViewRoot() == null
                ? faces.getApplication().getDefaultLocale()
                : faces.getViewRoot().getLocale();
    }

    private void add(FacesMessage.Severity severity, String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
