package org.issuetracker.interfaces.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form whose view state is gone (the session expired) or was never this session's (a forged post) changes nothing
 * and brings the user back to the same page by GET, where the layout says why ({@code formExpired=true}).
 *
 * <p>Instead of OmniFaces' ViewExpiredExceptionHandler, which says it through Faces' flash: reading the flash on every
 * page gives MyFaces (OpenLiberty's Faces) a flash cookie and an HTTP session for each anonymous reader, and the
 * flash of either implementation lives in one place that a redirect to another instance may not reach.
 */
public class ExpiredFormHandlerFactory extends ExceptionHandlerFactory {

    /** The query parameter of the page the user is brought back to. */
    public static final String PARAMETER = "formExpired";

    public ExpiredFormHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredFormHandler(getWrapped().getExceptionHandler());
    }

    static final class ExpiredFormHandler extends ExceptionHandlerWrapper {

        ExpiredFormHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (expired(events.next().getContext().getException()) && !faces.getResponseComplete()) {
                    events.remove();
                    redirectToTheSamePage(faces.getExternalContext());
                    faces.responseComplete();
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        /** The page the form was on: the form posts to its address, query included (not the posted fields). */
        private static void redirectToTheSamePage(ExternalContext external) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            String query = request.getQueryString();
            try {
                external.redirect(request.getRequestURI() + "?" + (query == null || query.isBlank() ? "" : query + "&")
                        + PARAMETER + "=true");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
