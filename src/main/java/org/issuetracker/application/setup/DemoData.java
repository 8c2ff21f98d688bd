package org.issuetracker.application.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.reference.ReferenceRepository;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;

/**
 * A few users and issues to look at in development ({@code seed.demo-data}, on in the dev profile only). Users
 * {@code alice} and {@code bob}, password {@code demo-password}.
 */
@ApplicationScoped
public class DemoData {

    static final String PASSWORD = "demo-password";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    UserRepository users;

    @Inject
    IssueRepository issues;

    @Inject
    CommentRepository comments;

    @Inject
    ReferenceRepository reference;

    @Inject
    PasswordHasher hasher;

    void seed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = hasher.hash(PASSWORD);
        for (String[] person : new String[][] {{"alice", "Alice Martin"}, {"bob", "Bob Nakamura"}}) {
            users.add(new User(
                    person[0], person[1], person[0] + "@example.com", EnumSet.of(Role.USER), true, hash, now, now, 0));
        }
        String open = id(ReferenceKind.STATUS, "Open");
        String inProgress = id(ReferenceKind.STATUS, "In Progress");
        Object[][] samples = {
            {
                "VPN drops every 30 minutes",
                "Since the update on Monday the VPN client disconnects every half hour.",
                "Bug",
                "alice",
                List.of("network", "vpn"),
                Approval.APPROVED,
                inProgress,
                Set.of("bob")
            },
            {
                "Dark mode for the intranet portal",
                "Many of us work late; a dark theme would be easier on the eyes.",
                "Feature",
                "bob",
                List.of("ui"),
                Approval.APPROVED,
                open,
                Set.of("alice")
            },
            {
                "How do I book a meeting room?",
                "The old booking page is gone. Where do we book rooms now?",
                "Question",
                "alice",
                List.of("facilities"),
                Approval.APPROVED,
                open,
                Set.of()
            },
            {
                "Expense form rounds amounts",
                "Amounts like 12.345 are rounded down instead of to the nearest cent.",
                "Bug",
                "bob",
                List.of("finance", "forms"),
                Approval.PENDING,
                open,
                Set.of()
            },
        };
        int age = samples.length;
        for (Object[] sample : samples) {
            Instant created = now.minus(Duration.ofDays(age--));
            @SuppressWarnings("unchecked")
            Issue issue = issues.add(new Issue(
                    issues.nextId(),
                    (String) sample[0],
                    (String) sample[1],
                    id(ReferenceKind.CATEGORY, (String) sample[2]),
                    (String) sample[6],
                    (String) sample[3],
                    null,
                    (List<String>) sample[4],
                    (Set<String>) sample[7],
                    (Approval) sample[5],
                    sample[5] == Approval.APPROVED ? new Issue.Decision("admin", created) : null,
                    null,
                    null,
                    null,
                    created,
                    created,
                    0));
            if (issue.approval() == Approval.APPROVED) {
                String commenter = issue.author().equals("alice") ? "bob" : "alice";
                comments.add(new Comment(
                        comments.nextId(),
                        issue.id(),
                        "Same here, thanks for filing this.",
                        commenter,
                        Set.of(),
                        false,
                        created.plusSeconds(3600),
                        created.plusSeconds(3600),
                        0));
            }
        }
        LOG.info("Seeded demo data: users alice and bob (password " + PASSWORD + "), " + samples.length + " issues");
    }

    private String id(ReferenceKind kind, String name) {
        return reference.findByName(kind, name).map(ReferenceItem::id).orElseThrow();
    }
}
