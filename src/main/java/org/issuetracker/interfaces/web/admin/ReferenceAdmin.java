package org.issuetracker.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.domain.reference.ReferenceDraft;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * Categories or statuses ({@code ?kind=category|status}): create, rename (and describe), archive and restore. Nothing
 * is ever deleted: issues keep pointing at archived items, which are only no longer offered for new issues.
 */
@Named
@RequestScoped
public class ReferenceAdmin {

    private static final String FORM = "reference";
    private static final String ROW = "referenceRow";

    @Inject
    ReferenceService reference;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private ReferenceKind kind = ReferenceKind.CATEGORY;
    private List<ReferenceItem> items;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, Boolean> closed = new HashMap<>();
    private String newName;
    private String newDescription;
    private boolean newClosed;

    @PostConstruct
    void readKind() {
        kind = "status".equals(external.getRequestParameterMap().get("kind"))
                ? ReferenceKind.STATUS
                : ReferenceKind.CATEGORY;
        getItems().forEach(item -> {
            names.put(item.id(), item.name());
            descriptions.put(item.id(), item.description());
            closed.put(item.id(), item.closed());
        });
    }

    public String getKind() {
        return kind == ReferenceKind.STATUS ? "status" : "category";
    }

    public boolean isStatuses() {
        return kind == ReferenceKind.STATUS;
    }

    public List<ReferenceItem> getItems() {
        if (items == null) {
            items = reference.list(kind, true);
        }
        return items;
    }

    public Map<String, String> getNames() {
        return names;
    }

    public Map<String, String> getDescriptions() {
        return descriptions;
    }

    public Map<String, Boolean> getClosed() {
        return closed;
    }

    public void create() throws IOException {
        if (actions.run(
                FORM,
                "reference.taken",
                () -> reference.create(kind, new ReferenceDraft(newName, newDescription, newClosed), actor))) {
            done("reference.created", newName);
        }
    }

    public void save(ReferenceItem item) throws IOException {
        String name = names.get(item.id());
        // violations of a row are shown at the top: the form's fields next to which they could go are the new item's
        if (actions.run(
                ROW,
                "reference.taken",
                () -> reference.update(
                        kind,
                        item.id(),
                        new ReferenceDraft(
                                name, descriptions.get(item.id()), Boolean.TRUE.equals(closed.get(item.id()))),
                        item.version(),
                        actor))) {
            done("reference.saved", name);
        }
    }

    public void archive(ReferenceItem item) throws IOException {
        if (actions.run(FORM, null, () -> reference.archive(kind, item.id(), actor))) {
            done("reference.archived", item.name());
        }
    }

    public void restore(ReferenceItem item) throws IOException {
        if (actions.run(FORM, null, () -> reference.restore(kind, item.id(), actor))) {
            done("reference.restored", item.name());
        }
    }

    private void done(String key, String name) throws IOException {
        messages.info(key, name);
        messages.keepForRedirect();
        external.redirect(external.getRequestContextPath() + "/admin/reference.xhtml?kind=" + getKind());
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public boolean isNewClosed() {
        return newClosed;
    }

    public void setNewClosed(boolean newClosed) {
        this.newClosed = newClosed;
    }
}
