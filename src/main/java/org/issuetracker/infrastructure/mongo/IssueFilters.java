package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;

/**
 * An {@link IssueQuery} as MongoDB filters and sorts. Every value a client sent is used as a value (equality with
 * a string, or a quoted regular expression), never as an operator: {@code {"$gt": ""}} in a parameter matches
 * only that literal text.
 */
final class IssueFilters {

    private IssueFilters() {}

    static Bson filter(IssueQuery query) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(eq(ARCHIVED, query.archived()));
        if (!query.visibility().everything()) {
            Bson isPublic = and(eq(APPROVAL, Approval.APPROVED.name()), eq(ARCHIVED, false));
            criteria.add(
                    query.visibility().ownerToo() == null
                            ? isPublic
                            : or(isPublic, eq(AUTHOR, query.visibility().ownerToo())));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String literal = Pattern.quote(query.text().strip());
            criteria.add(or(regex(TITLE, literal, "i"), regex(DESCRIPTION, literal, "i")));
        }
        addEquality(criteria, STATUS, query.statusId());
        addEquality(criteria, CATEGORY, query.categoryId());
        addEquality(criteria, AUTHOR, query.author());
        addEquality(criteria, ASSIGNEE, query.assignee());
        if (query.approval() != null) {
            criteria.add(eq(APPROVAL, query.approval().name()));
        }
        if (!query.labels().isEmpty()) {
            criteria.add(all(LABELS, query.labels()));
        }
        if (query.createdFrom() != null) {
            criteria.add(gte(CREATED_AT, Documents.date(query.createdFrom())));
        }
        if (query.createdTo() != null) {
            criteria.add(lt(CREATED_AT, Documents.date(query.createdTo())));
        }
        return and(criteria);
    }

    private static void addEquality(List<Bson> criteria, String field, String value) {
        if (value != null && !value.isBlank()) {
            criteria.add(eq(field, value));
        }
    }

    /** Each order ends with the id, so that pages never overlap or skip an issue with an equal key. */
    static Bson sort(IssueSort sort) {
        return switch (sort) {
            case NEWEST -> orderBy(descending(CREATED_AT), descending(ID));
            case OLDEST -> orderBy(ascending(CREATED_AT), ascending(ID));
            case VOTES -> orderBy(descending(VOTE_COUNT), descending(CREATED_AT), descending(ID));
            case UPDATED -> orderBy(descending(MODIFIED_AT), descending(ID));
        };
    }
}
