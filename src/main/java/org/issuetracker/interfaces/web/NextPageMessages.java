package org.issuetracker.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The messages of a post for the page its redirect leads to (post-redirect-get), carried in the HTTP session, which
 * the cluster replicates, and shown when the next page renders. Faces' own flash cannot do this in a cluster: Mojarra
 * keeps the flash's content in the memory of the instance that wrote it, so a redirect that the load balancer sends
 * to another instance finds nothing (and Mojarra then fails to keep the next post's messages at all).
 *
 * <p>Registered in faces-config.xml as a phase listener, just before each page renders.
 */
public class NextPageMessages implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = "issuetracker.nextPageMessages";
    private static final String KEEP = "issuetracker.keepMessages";

    /**
     * Keeps every message of this request, including those added after this call, for the next page shown in the
     * session: they are moved into the session once the action is done.
     */
    static void keep(FacesContext faces) {
        faces.getAttributes().put(KEEP, Boolean.TRUE);
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getPhaseId() != PhaseId.RENDER_RESPONSE) {
            return;
        }
        FacesContext faces = event.getFacesContext();
        Object session = faces.getExternalContext().getSession(false);
        if (session instanceof HttpSession httpSession && httpSession.getAttribute(ATTRIBUTE) instanceof List<?> kept) {
            httpSession.removeAttribute(ATTRIBUTE);
            kept.stream()
                    .filter(Kept.class::isInstance)
                    .map(Kept.class::cast)
                    .forEach(message -> faces.addMessage(message.clientId(), message.toFacesMessage()));
        }
    }

    /** After the action (even one that redirected, which skips the rendering): the messages it asked to keep. */
    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (event.getPhaseId() != PhaseId.INVOKE_APPLICATION
                || faces.getAttributes().remove(KEEP) == null) {
            return;
        }
        Object session = faces.getExternalContext().getSession(false);
        if (!(session instanceof HttpSession httpSession)) {
            return; // the pages that redirect after a post all have a session (their users are signed in)
        }
        ArrayList<Kept> kept = new ArrayList<>();
        if (httpSession.getAttribute(ATTRIBUTE) instanceof List<?> earlier) { // a page not yet shown since
            earlier.stream()
                    .filter(Kept.class::isInstance)
                    .map(Kept.class::cast)
                    .forEach(kept::add);
        }
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            faces.getMessageList(clientId).forEach(message -> kept.add(Kept.of(clientId, message)));
        }
        if (!kept.isEmpty()) {
            httpSession.setAttribute(ATTRIBUTE, kept);
        }
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    /** A message as the session keeps it: plain, serializable values. */
    record Kept(String clientId, int severity, String summary, String detail) implements Serializable {

        static Kept of(String clientId, FacesMessage message) {
            return new Kept(clientId, message.getSeverity().getOrdinal(), message.getSummary(), message.getDetail());
        }

        FacesMessage toFacesMessage() {
            FacesMessage.Severity level = List.of(
                            FacesMessage.SEVERITY_INFO,
                            FacesMessage.SEVERITY_WARN,
                            FacesMessage.SEVERITY_ERROR,
                            FacesMessage.SEVERITY_FATAL)
                    .stream()
                    .filter(candidate -> candidate.getOrdinal() == severity)
                    .findFirst()
                    .orElse(FacesMessage.SEVERITY_INFO);
            return new FacesMessage(level, summary, detail);
        }
    }
}
