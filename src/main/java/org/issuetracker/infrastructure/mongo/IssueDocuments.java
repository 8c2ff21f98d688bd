package org.issuetracker.infrastructure.mongo;

import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;

/** How an issue is laid out in the {@code issues} collection. */
final class IssueDocuments {

    static final String COLLECTION = "issues";
    static final String ID = "_id";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String CREATED_AT = "createdAt";

    private IssueDocuments() {}

    static Document toDocument(Issue issue) {
        return new Document(ID, new ObjectId(issue.id().value()))
                .append(TITLE, issue.title())
                .append(DESCRIPTION, issue.description())
                .append(CREATED_AT, Date.from(issue.createdAt()));
    }

    static Issue toIssue(Document document) {
        return new Issue(
                new IssueId(document.getObjectId(ID).toHexString()),
                document.getString(TITLE),
                document.getString(DESCRIPTION),
                document.getDate(CREATED_AT).toInstant());
    }
}
