package org.issuetracker.interfaces.web;

import com.mongodb.MongoException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.NotFoundException;
import org.issuetracker.domain.shared.StaleVersionException;

/**
 * Runs what a form asked the services to do and turns their refusals into messages the user can act on, in the
 * view's language: rule violations next to the fields they are about, the rest at the top of the page. Anything
 * else (a bug) is not caught here and ends on the error page, logged.
 *
 * <p>The services' own exception texts are English and written for API clients; the UI shows its bundle's texts.
 * Bean Validation messages are interpolated again here, from the templates, in the view's locale.
 */
@RequestScoped
public class UiActions {

    private static final Logger LOG = Logger.getLogger(UiActions.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    @Inject
    UiMessages messages;

    /**
     * Calls the service; on a refusal, shows why and returns empty.
     *
     * @param form the id of the form whose fields violations are shown next to
     * @param conflictKey the bundle key explaining a conflict in this context
     */
    public <T> Optional<T> call(String form, String conflictKey, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(violation -> showNextToField(form, violation));
            messages.error("action.invalid");
        } catch (InvalidReferenceException e) {
            messages.fieldError(form + ":" + e.field(), messages.text("action.invalidChoice"));
            messages.error("action.invalid");
        } catch (AuthenticationRequiredException e) {
            messages.error("action.signIn");
        } catch (AccessDeniedException e) {
            messages.error("action.denied");
        } catch (StaleVersionException e) {
            messages.error("action.stale");
        } catch (NotFoundException e) {
            messages.error("action.notFound");
        } catch (ConflictException e) {
            messages.error(conflictKey == null ? "action.conflict" : conflictKey);
        } catch (MongoException e) {
            LOG.log(Level.WARNING, "A web action failed on MongoDB", e);
            messages.error("action.unavailable");
        }
        return Optional.empty();
    }

    /** {@link #call} for actions without a result; true if it was done. */
    public boolean run(String form, String conflictKey, Runnable action) {
        return call(form, conflictKey, () -> {
                    action.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    private void showNextToField(String form, ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        String text = localized(violation);
        if (field == null) {
            messages.fieldError(null, text);
        } else {
            messages.fieldError(form + ":" + field, text);
        }
    }

    /** The violation's message template ({@code {issue.title.size}}) in the view's locale, with its attributes. */
    private String localized(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template == null || !template.startsWith("{") || !template.endsWith("}")) {
            return violation.getMessage();
        }
        String text;
        try {
            text = ResourceBundle.getBundle(
                            "ValidationMessages",
                            messages.locale(),
                            Thread.currentThread().getContextClassLoader())
                    .getString(template.substring(1, template.length() - 1));
        } catch (MissingResourceException notOurs) {
            return violation.getMessage();
        }
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            Object value = attributes.get(placeholder.group(1));
            placeholder.appendReplacement(
                    result, Matcher.quoteReplacement(value == null ? placeholder.group() : String.valueOf(value)));
        }
        placeholder.appendTail(result);
        return result.toString();
    }

    /**
     * Ends a page's request with the container's error page for {@code status} (404, 403). The Faces context is taken
     * first: OpenLiberty renders the error page inside {@code sendError}, a Faces request of its own that leaves no
     * current Faces context behind for this one.
     */
    public static void sendError(int status) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(status, null);
        faces.responseComplete();
    }
}
