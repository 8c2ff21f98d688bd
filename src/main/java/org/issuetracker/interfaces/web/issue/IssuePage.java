package org.issuetracker.interfaces.web.issue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.issuetracker.application.comment.CommentLookup;
import org.issuetracker.application.comment.CommentService;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.application.user.Person;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentId;
import org.issuetracker.domain.comment.CommentText;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.NotFoundException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.interfaces.web.RowForm;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * One issue with everything about it, and what the viewer may do to it. Each action is a POST that ends in a
 * redirect back to the issue's address (post-redirect-get: reloading never repeats it). Who may do what is the
 * services' rule; the page only hides buttons that would be refused. Comments and history are shown a page at a
 * time ({@link DiscussionPages}), and an action comes back to the page it was taken on.
 */
@Named
@RequestScoped
public class IssuePage {

    private static final String FORM = "issueForm";

    @Inject
    IssueService issues;

    @Inject
    CommentService comments;

    @Inject
    ReferenceService reference;

    @Inject
    IssueViews views;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private String id;
    private String editComment;
    private IssueView view;
    private DiscussionPages pages;
    private Page<Comment> commentPage;
    private Page<HistoryEntry> historyPage;
    private String statusId;
    private String newComment;
    private String editedText;

    /**
     * Which issue (and which comment's editor), known before any field is decoded: what a form renders, and so what
     * it submits, depends on the issue.
     */
    @PostConstruct
    void readUrl() {
        id = external.getRequestParameterMap().get("id");
        editComment = external.getRequestParameterMap().get("editComment");
        pages = DiscussionPages.from(id, external.getRequestParameterMap());
    }

    /** Reads the issue named in the URL; an unknown (or hidden) one is the "not found" page. */
    public void load() throws IOException {
        try {
            view();
            statusId = view.issue().statusId();
            comment(editComment).ifPresent(c -> editedText = c.body());
        } catch (NotFoundException e) {
            UiActions.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public IssueView getView() {
        return view();
    }

    private IssueView view() {
        if (view == null) {
            view = views.of(issues.get(issueId(), actor));
        }
        return view;
    }

    private IssueId issueId() {
        return IssueId.parse(id);
    }

    /** The comments of the page shown; one past the last page shows the last. */
    public List<Comment> getComments() {
        return getCommentPage().items();
    }

    public Page<Comment> getCommentPage() {
        if (commentPage == null) {
            commentPage = comments.list(issueId(), pages.comments(CommentLookup.PAGE_SIZE), actor);
            if (commentPage.items().isEmpty() && commentPage.page() > 0) {
                pages = pages.onCommentPage(commentPage.pageCount());
                commentPage = comments.list(issueId(), pages.comments(CommentLookup.PAGE_SIZE), actor);
            }
        }
        return commentPage;
    }

    public List<HistoryEntry> getHistory() {
        return getHistoryPage().items();
    }

    public Page<HistoryEntry> getHistoryPage() {
        if (historyPage == null) {
            historyPage = issues.history(issueId(), pages.history(IssueService.HISTORY_PAGE_SIZE), actor);
            if (historyPage.items().isEmpty() && historyPage.page() > 0) {
                pages = pages.onHistoryPage(historyPage.pageCount());
                historyPage = issues.history(issueId(), pages.history(IssueService.HISTORY_PAGE_SIZE), actor);
            }
        }
        return historyPage;
    }

    /** The address of another page of comments (counting from 1), on the same page of history. */
    public String commentPageUrl(int page) {
        return external.getRequestContextPath() + pages().onCommentPage(page).path() + "#comments";
    }

    /** The address of another page of history (counting from 1), on the same page of comments. */
    public String historyPageUrl(int page) {
        return external.getRequestContextPath() + pages().onHistoryPage(page).path() + "#historyHeading";
    }

    /** The pages shown, naming the issue as parsed (never as typed). */
    private DiscussionPages pages() {
        return new DiscussionPages(issueId().value(), pages.commentPage(), pages.historyPage());
    }

    public List<ReferenceItem> getStatuses() {
        return reference.list(ReferenceKind.STATUS, false);
    }

    public Person person(String username) {
        return views.person(username);
    }

    /** One history entry as a sentence in the viewer's language ("Alice changed the title: A → B"). */
    public String describe(HistoryEntry entry) {
        String who = person(entry.by()).displayName();
        String newValue = entry.newValue() == null ? "" : entry.newValue();
        return switch (entry.field()) {
            case "issue" -> messages.text("history.filed", who);
            case "comment" -> messages.text("history.comment." + newValue.split(" ")[0], who);
            case "votes" ->
                messages.text(count(newValue) > count(entry.oldValue()) ? "history.voted" : "history.unvoted", who);
            case "answer" -> messages.text(entry.newValue() == null ? "history.answerCleared" : "history.answer", who);
            case "approval" -> messages.text("history.approval." + newValue, who);
            case "archived" -> messages.text("true".equals(newValue) ? "history.archived" : "history.restored", who);
            default ->
                messages.text(
                        "history.changed",
                        who,
                        messages.text("history.field." + entry.field()),
                        shortened(entry.oldValue()),
                        shortened(entry.newValue()));
        };
    }

    private static long count(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shortened(String value) {
        if (value == null || value.isEmpty()) {
            return "–";
        }
        return value.length() > 80 ? value.substring(0, 79) + "…" : value;
    }

    private Optional<Comment> comment(String commentId) {
        return commentId == null
                ? Optional.empty()
                : getComments().stream()
                        .filter(c -> c.id().value().equals(commentId))
                        .findFirst();
    }

    // What the viewer may do (the services decide; these only hide what would be refused)

    private Issue issue() {
        return view().issue();
    }

    public boolean isCanVote() {
        return actor.isSignedIn() && !actor.is(issue().author()) && issue().isPublic();
    }

    public boolean isVoted() {
        return actor.isSignedIn() && issue().voters().contains(actor.username());
    }

    public boolean isCanEdit() {
        return !issue().isArchived() && (actor.is(issue().author()) || actor.isAdmin());
    }

    /** Authors may withdraw (archive) their own issue; admins do it from their own card. */
    public boolean isCanArchiveOwn() {
        return !issue().isArchived() && actor.is(issue().author()) && !actor.isAdmin();
    }

    public boolean isCanAdminister() {
        return actor.isAdmin();
    }

    public boolean isCanComment() {
        return actor.isSignedIn() && !issue().isArchived();
    }

    public boolean canEdit(Comment comment) {
        return !issue().isArchived() && actor.is(comment.author());
    }

    public boolean canArchive(Comment comment) {
        return !issue().isArchived() && (actor.is(comment.author()) || actor.isAdmin());
    }

    public boolean canMarkAnswer(Comment comment) {
        return !issue().isArchived()
                && (actor.is(issue().author()) || actor.isAdmin())
                && !comment.id().value().equals(issue().answerCommentId());
    }

    public boolean canUpvote(Comment comment) {
        return actor.isSignedIn() && !actor.is(comment.author());
    }

    public boolean upvoted(Comment comment) {
        return actor.isSignedIn() && comment.upvoters().contains(actor.username());
    }

    public boolean isAnswer(Comment comment) {
        return comment.id().value().equals(issue().answerCommentId());
    }

    public boolean isEditing(Comment comment) {
        return comment.id().value().equals(editComment) && canEdit(comment);
    }

    // Actions

    public void vote() throws IOException {
        done(() -> issues.vote(issueId(), actor), "issue.voted", null);
    }

    public void unvote() throws IOException {
        done(() -> issues.unvote(issueId(), actor), "issue.unvoted", null);
    }

    public void changeStatus() throws IOException {
        done(() -> issues.changeStatus(issueId(), statusId, null, actor), "issue.statusChanged", null);
    }

    public void archive() throws IOException {
        done(() -> issues.archive(issueId(), actor), "issue.archived", null);
    }

    public void restore() throws IOException {
        done(() -> issues.restore(issueId(), actor), "issue.restored", null);
    }

    public void addComment() throws IOException {
        Optional<Comment> added = actions.call(
                FORM, "issue.archivedConflict", () -> comments.add(issueId(), new CommentText(newComment), actor));
        if (added.isPresent()) {
            // the new comment is the last: back on the page that shows it
            int last = comments.list(issueId(), new PageRequest(0, CommentLookup.PAGE_SIZE), actor)
                    .pageCount();
            pages = pages.onCommentPage(last);
            redirect("comment.added", "comment-" + added.get().id().value());
        }
    }

    public void saveComment() throws IOException {
        // the version of the comment as the user saw it: an edit never overwrites a newer one unseen
        Long version = RowForm.version(external.getRequestParameterMap().get("commentVersion"));
        onClickedComment(
                submittedForm(),
                id -> comments.edit(id, new CommentText(editedText), version, actor),
                "comment.saved",
                true);
    }

    public void archiveComment() throws IOException {
        onClickedComment(FORM, id -> comments.archive(id, actor), "comment.archived", false);
    }

    public void markAnswer() throws IOException {
        onClickedComment(FORM, id -> comments.markAnswer(id, actor), "comment.markedAnswer", true);
    }

    public void upvote() throws IOException {
        onClickedComment(FORM, id -> comments.upvote(id, actor), "comment.upvoted", true);
    }

    public void removeUpvote() throws IOException {
        onClickedComment(FORM, id -> comments.removeUpvote(id, actor), "comment.upvoteRemoved", true);
    }

    /**
     * Acts on the comment whose button was pressed, named by its form's hidden field: by id as it was rendered, not by
     * its row in the list as it is now (a comment archived meanwhile would shift the rows).
     */
    private void onClickedComment(String form, Function<CommentId, ?> action, String successKey, boolean backToIt)
            throws IOException {
        String id = external.getRequestParameterMap().get("comment");
        if (actions.call(form, "issue.archivedConflict", () -> action.apply(CommentId.parse(id)))
                .isPresent()) {
            redirect(successKey, backToIt ? "comment-" + id : "comments");
        }
    }

    /** The client id of the form that was submitted (Faces sends it as a parameter named after itself). */
    private String submittedForm() {
        return external.getRequestParameterMap().entrySet().stream()
                .filter(p -> p.getKey().equals(p.getValue()) && p.getKey().endsWith("commentForm"))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse(FORM);
    }

    private void done(Supplier<?> action, String successKey, String anchor) throws IOException {
        if (actions.call(FORM, "issue.archivedConflict", action).isPresent()) {
            redirect(successKey, anchor);
        }
    }

    private void redirect(String successKey, String anchor) throws IOException {
        messages.info(successKey);
        messages.keepForRedirect();
        external.redirect(external.getRequestContextPath() + pages().path() + (anchor == null ? "" : "#" + anchor));
    }

    /** The edit link of a comment: the same page, with that comment's editor open. */
    public String editCommentUrl(Comment comment) {
        return external.getRequestContextPath() + pages().path() + "&editComment="
                + comment.id().value() + "#comment-" + comment.id().value();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEditComment() {
        return editComment;
    }

    public void setEditComment(String editComment) {
        this.editComment = editComment;
    }

    public String getStatusId() {
        return statusId;
    }

    public void setStatusId(String statusId) {
        this.statusId = statusId;
    }

    public String getNewComment() {
        return newComment;
    }

    public void setNewComment(String newComment) {
        this.newComment = newComment;
    }

    public String getEditedText() {
        return editedText;
    }

    public void setEditedText(String editedText) {
        this.editedText = editedText;
    }
}
