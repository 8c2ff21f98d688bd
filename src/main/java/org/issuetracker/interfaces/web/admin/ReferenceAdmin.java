package org.issuetracker.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.domain.reference.ReferenceDraft;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.web.RowForm;
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
    private String newName;
    private String newDescription;
    private boolean newClosed;

    @PostConstruct
    void readKind() {
        kind = "status".equals(external.getRequestParameterMap().get("kind"))
                ? ReferenceKind.STATUS
                : ReferenceKind.CATEGORY;
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

    public void create() throws IOException {
        if (actions.run(
                FORM,
                "reference.taken",
                () -> reference.create(kind, new ReferenceDraft(newName, newDescription, newClosed), actor))) {
            done("reference.created", newName);
        }
    }

    /**
     * Renames (and describes) the item named by the submitted form, against the version the admin saw; an item is
     * found by its id, never by its row (the list is sorted by name and may have changed since it was shown).
     */
    public void save() throws IOException {
        Map<String, String> form = external.getRequestParameterMap();
        String name = form.get("name");
        // violations of a row are shown at the top: its fields are plain inputs, by item id
        if (actions.run(
                ROW,
                "reference.taken",
                () -> reference.update(
                        kind,
                        form.get("item"),
                        new ReferenceDraft(name, form.get("description"), "true".equals(form.get("closed"))),
                        RowForm.version(form.get("version")),
                        actor))) {
            done("reference.saved", name);
        }
    }

    public void archive() throws IOException {
        String id = external.getRequestParameterMap().get("item");
        actions.call(FORM, null, () -> reference.archive(kind, id, actor))
                .ifPresent(item -> done("reference.archived", item.name()));
    }

    public void restore() throws IOException {
        String id = external.getRequestParameterMap().get("item");
        actions.call(FORM, null, () -> reference.restore(kind, id, actor))
                .ifPresent(item -> done("reference.restored", item.name()));
    }

    private void done(String key, String name) {
        messages.info(key, name);
        messages.keepForRedirect();
        try {
            external.redirect(external.getRequestContextPath() + "/admin/reference.xhtml?kind=" + getKind());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
