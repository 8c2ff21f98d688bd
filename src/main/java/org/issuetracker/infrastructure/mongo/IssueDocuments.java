package org.issuetracker.infrastructure.mongo;

import static org.issuetracker.infrastructure.mongo.Documents.date;
import static org.issuetracker.infrastructure.mongo.Documents.instant;
import static org.issuetracker.infrastructure.mongo.Documents.strings;

import java.util.HashSet;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;

/** How an issue is laid out in the {@code issues} collection. */
final class IssueDocuments {

    static final String COLLECTION = "issues";
    static final String ID = Documents.ID;
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "categoryId";
    static final String STATUS = "statusId";
    static final String AUTHOR = "author";
    static final String ASSIGNEE = "assignee";
    static final String LABELS = "labels";
    static final String VOTERS = "voters";
    /** Kept beside the voters so that "most voted" can be sorted (and indexed). */
    static final String VOTE_COUNT = "voteCount";

    static final String APPROVAL = "approval";
    static final String DECIDED_BY = "decidedBy";
    static final String DECIDED_AT = "decidedAt";
    /** Kept beside archivedBy/At so that "not archived" is an equality match (and indexed). */
    static final String ARCHIVED = "archived";

    static final String ARCHIVED_BY = "archivedBy";
    static final String ARCHIVED_AT = "archivedAt";
    static final String ANSWER = "answerCommentId";
    static final String CLOSED_AT = "closedAt";
    static final String CREATED_AT = "createdAt";
    static final String MODIFIED_AT = "modifiedAt";

    private IssueDocuments() {}

    static Document toDocument(Issue issue) {
        return new Document(ID, new ObjectId(issue.id().value()))
                .append(TITLE, issue.title())
                .append(DESCRIPTION, issue.description())
                .append(CATEGORY, issue.categoryId())
                .append(STATUS, issue.statusId())
                .append(AUTHOR, issue.author())
                .append(ASSIGNEE, issue.assignee())
                .append(LABELS, issue.labels())
                .append(VOTERS, issue.voters().stream().sorted().toList())
                .append(VOTE_COUNT, issue.voteCount())
                .append(APPROVAL, issue.approval().name())
                .append(
                        DECIDED_BY,
                        issue.decision() == null ? null : issue.decision().by())
                .append(
                        DECIDED_AT,
                        issue.decision() == null ? null : date(issue.decision().at()))
                .append(ARCHIVED, issue.isArchived())
                .append(ARCHIVED_BY, issue.isArchived() ? issue.archival().by() : null)
                .append(ARCHIVED_AT, issue.isArchived() ? date(issue.archival().at()) : null)
                .append(ANSWER, issue.answerCommentId())
                .append(CLOSED_AT, date(issue.closedAt()))
                .append(CREATED_AT, date(issue.createdAt()))
                .append(MODIFIED_AT, date(issue.modifiedAt()))
                .append(Documents.VERSION, issue.version());
    }

    static Issue toIssue(Document document) {
        String decidedBy = document.getString(DECIDED_BY);
        boolean archived = Boolean.TRUE.equals(document.getBoolean(ARCHIVED));
        return new Issue(
                new IssueId(document.getObjectId(ID).toHexString()),
                document.getString(TITLE),
                document.getString(DESCRIPTION),
                document.getString(CATEGORY),
                document.getString(STATUS),
                document.getString(AUTHOR),
                document.getString(ASSIGNEE),
                strings(document, LABELS),
                new HashSet<>(strings(document, VOTERS)),
                Approval.valueOf(document.getString(APPROVAL)),
                decidedBy == null ? null : new Issue.Decision(decidedBy, instant(document, DECIDED_AT)),
                archived ? new Issue.Archival(document.getString(ARCHIVED_BY), instant(document, ARCHIVED_AT)) : null,
                document.getString(ANSWER),
                instant(document, CLOSED_AT),
                instant(document, CREATED_AT),
                instant(document, MODIFIED_AT),
                Documents.version(document));
    }
}
