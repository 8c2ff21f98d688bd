package org.issuetracker.infrastructure.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repositories against a MongoDB wire-protocol server (mongo-java-server, in memory) through the real driver:
 * mapping, filters, sorts, optimistic versions, unique names, aggregations. Correctness only, never speed.
 */
class MongoRepositoriesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoIssueRepository issues;
    private MongoCommentRepository comments;
    private MongoReferenceRepository reference;
    private MongoUserRepository users;
    private MongoIssueStatistics statistics;
    private MongoApiTokenRepository tokens;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("test");
        issues = new MongoIssueRepository();
        issues.database = database;
        comments = new MongoCommentRepository();
        comments.database = database;
        reference = new MongoReferenceRepository();
        reference.database = database;
        users = new MongoUserRepository();
        users.database = database;
        statistics = new MongoIssueStatistics();
        statistics.database = database;
        tokens = new MongoApiTokenRepository();
        tokens.database = database;
        MongoSchema schema = new MongoSchema();
        schema.database = database;
        schema.ensure();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyInstanceGetsTheSameCacheSigningKeyMadeOnceAtRandom() {
        MongoSigningKeySource first = new MongoSigningKeySource();
        first.database = client.getDatabase("test");
        MongoSigningKeySource second = new MongoSigningKeySource();
        second.database = client.getDatabase("test");
        MongoSigningKeySource otherDeployment = new MongoSigningKeySource();
        otherDeployment.database = client.getDatabase("other");

        byte[] key = first.signingKey();

        assertThat(key).hasSize(32);
        assertThat(second.signingKey()).isEqualTo(key);
        assertThat(first.signingKey()).isEqualTo(key);
        assertThat(otherDeployment.signingKey()).isNotEqualTo(key);
    }

    @Test
    void anIssueIsStoredAndReadBackWhole() {
        Issue issue = issue("Stored whole", "alice", Approval.APPROVED, List.of("a", "b"), Set.of("bob", "carol"));
        Issue stored = issues.add(issue);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(issues.find(issue.id())).contains(stored);
        assertThat(stored.voteCount()).isEqualTo(2);
        assertThat(stored.labels()).containsExactly("a", "b");
    }

    @Test
    void replaceOnlySucceedsAtTheExpectedVersion() {
        Issue stored = issues.add(issue("Versioned", "alice", Approval.PENDING, List.of(), Set.of()));
        Issue changed = stored.withApproval(Approval.APPROVED, "admin", now);

        assertThat(issues.replace(changed, 7)).isEmpty();
        Issue second = issues.replace(changed, 1).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(issues.replace(changed, 1)).as("someone else was first").isEmpty();
        assertThat(issues.find(stored.id()).orElseThrow().approval()).isEqualTo(Approval.APPROVED);
    }

    @Test
    void searchAppliesVisibilityFiltersAndSorts() {
        Issue publicOld = issues.add(issue("Public old", "alice", Approval.APPROVED, List.of("x"), Set.of("b")));
        Issue publicNew = issues.add(withCreated(
                issue("Public new", "bob", Approval.APPROVED, List.of("x", "y"), Set.of()), now.plusSeconds(5)));
        Issue pending = issues.add(
                withCreated(issue("Pending", "alice", Approval.PENDING, List.of(), Set.of()), now.plusSeconds(10)));

        assertThat(titles(query(IssueQuery.Visibility.PUBLIC, IssueSort.NEWEST, List.of())))
                .containsExactly("Public new", "Public old");
        assertThat(titles(query(IssueQuery.Visibility.publicAndOwnOf("alice"), IssueSort.NEWEST, List.of())))
                .containsExactly("Pending", "Public new", "Public old");
        assertThat(titles(query(IssueQuery.Visibility.ALL, IssueSort.OLDEST, List.of())))
                .containsExactly("Public old", "Public new", "Pending");
        assertThat(titles(query(IssueQuery.Visibility.ALL, IssueSort.VOTES, List.of()))
                        .get(0))
                .isEqualTo("Public old");
        assertThat(titles(query(IssueQuery.Visibility.ALL, IssueSort.NEWEST, List.of("x", "y"))))
                .containsExactly("Public new");
        assertThat(publicOld.id()).isNotEqualTo(publicNew.id()).isNotEqualTo(pending.id());
    }

    @Test
    void textIsMatchedLiterallyAndCaseInsensitively() {
        issues.add(issue("Costs (a+b) $gt", "alice", Approval.APPROVED, List.of(), Set.of()));
        issues.add(issue("Something else", "alice", Approval.APPROVED, List.of(), Set.of()));

        assertThat(issues.search(text("(A+B)")).total()).isEqualTo(1);
        assertThat(issues.search(text(".*")).total()).isZero();
        assertThat(issues.search(text("{\"$gt\": \"\"}")).total()).isZero();
        assertThat(issues.search(text("$GT")).total()).isEqualTo(1);
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        reference.add(item("Hardware"));

        assertThatThrownBy(() -> reference.add(item("HARDWARE"))).isInstanceOf(ConflictException.class);
        assertThat(reference.findByName(ReferenceKind.CATEGORY, "hardware")).isPresent();
        assertThat(reference.list(ReferenceKind.CATEGORY, false)).hasSize(1);
    }

    @Test
    void apiTokensAreFoundByTheirUniqueDigestListedByOwnerAndRemovedOnlyByIt() {
        ApiToken first = tokens.add(new ApiToken("a".repeat(24), "alice", "ci", "1".repeat(64), now, null, null));
        ApiToken second = tokens.add(new ApiToken(
                "b".repeat(24), "alice", "deploy", "2".repeat(64), now.plusSeconds(1), now.plusSeconds(9), null));
        tokens.add(new ApiToken("c".repeat(24), "bob", "bob's", "3".repeat(64), now, null, null));

        assertThat(tokens.findByDigest("2".repeat(64))).contains(second);
        assertThat(tokens.findByDigest("9".repeat(64))).isEmpty();
        assertThat(tokens.byOwner("alice")).containsExactly(second, first);
        assertThat(tokens.countByOwner("alice")).isEqualTo(2);
        assertThatThrownBy(() -> tokens.add(
                        new ApiToken("d".repeat(24), "carol", "same secret", "1".repeat(64), now, null, null)))
                .as("the digest is unique")
                .isInstanceOf(ConflictException.class);

        assertThat(tokens.remove("bob", first.id())).as("not bob's").isEmpty();
        assertThat(tokens.remove("alice", first.id())).contains(first);
        assertThat(tokens.findByDigest("1".repeat(64))).isEmpty();
    }

    @Test
    void aTokensLastUseIsWrittenUnlessAnotherWriteWithinTheMinuteWasFirst() {
        ApiToken token = tokens.add(new ApiToken("a".repeat(24), "alice", "ci", "1".repeat(64), now, null, null));
        tokens.touch(token.id(), now.plusSeconds(10), now.minusSeconds(50));
        assertThat(tokens.findByDigest(token.digest()).orElseThrow().lastUsedAt())
                .isEqualTo(now.plusSeconds(10));

        tokens.touch(token.id(), now.plusSeconds(20), now.minusSeconds(40));
        assertThat(tokens.findByDigest(token.digest()).orElseThrow().lastUsedAt())
                .as("another instance wrote it 10 s ago")
                .isEqualTo(now.plusSeconds(10));

        tokens.touch(token.id(), now.plusSeconds(75), now.plusSeconds(15));
        assertThat(tokens.findByDigest(token.digest()).orElseThrow().lastUsedAt())
                .isEqualTo(now.plusSeconds(75));
    }

    @Test
    void usersAreKeyedByUsername() {
        User user = new User("dana", "Dana", "dana@example.com", Set.of(Role.USER), true, "hash", now, now, 0);
        users.add(user);

        assertThatThrownBy(() -> users.add(user)).isInstanceOf(ConflictException.class);
        assertThat(users.find("dana").orElseThrow().roles()).containsExactly(Role.USER);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void commentsAreCountedPerIssueAndListedOldestFirst() {
        Issue issue = issues.add(issue("Discussed", "alice", Approval.APPROVED, List.of(), Set.of()));
        Comment first = comments.add(comment(issue.id(), "first", now));
        comments.add(comment(issue.id(), "second", now.plusSeconds(1)));
        comments.replace(first.archived(now), 1);

        assertThat(comments.forIssue(issue.id(), false))
                .extracting(Comment::body)
                .containsExactly("second");
        assertThat(comments.forIssue(issue.id(), true))
                .extracting(Comment::body)
                .containsExactly("first", "second");
        assertThat(comments.countByIssue(Set.of(issue.id()))).containsEntry(issue.id(), 1L);
    }

    @Test
    void aDiscussionAndAHistoryAreReadOnePageAtATimeWithTheirLength() {
        Issue issue = issues.add(issue("Long discussion", "alice", Approval.APPROVED, List.of(), Set.of()));
        MongoHistoryRepository history = new MongoHistoryRepository();
        history.database = client.getDatabase("test");
        for (int i = 0; i < 7; i++) {
            Comment added = comments.add(comment(issue.id(), "comment " + i, now.plusSeconds(i)));
            if (i == 3) {
                comments.replace(added.archived(now), 1);
            }
            history.append(List.of(new HistoryEntry(issue.id(), now.plusSeconds(i), "bob", "comment", null, "added")));
        }

        Page<Comment> second = comments.forIssue(issue.id(), new PageRequest(1, 4));
        assertThat(second.items()).extracting(Comment::body).containsExactly("comment 5", "comment 6");
        assertThat(second.total()).as("archived comments are not counted").isEqualTo(6);
        Page<HistoryEntry> entries = history.forIssue(issue.id(), new PageRequest(2, 3));
        assertThat(entries.items()).extracting(HistoryEntry::at).containsExactly(now.plusSeconds(6));
        assertThat(entries.total()).isEqualTo(7);
    }

    @Test
    void labelsAndStatisticsOfPublicIssuesAreAggregated() {
        issues.add(issue("One", "alice", Approval.APPROVED, List.of("network", "net-ops"), Set.of()));
        issues.add(issue("Two", "alice", Approval.APPROVED, List.of("network"), Set.of()));
        issues.add(issue("Three", "bob", Approval.PENDING, List.of("ui"), Set.of()));

        assertThat(issues.labelsStartingWith("net", 10)).containsExactly("network", "net-ops");
        assertThat(issues.labelsStartingWith(".*", 10)).isEmpty();
        assertThat(issues.labelsStartingWith("u", 10))
                .as("the pending issue's label is not shown")
                .isEmpty();
        // the figures are about what everyone sees: the pending issue does not count
        assertThat(statistics.countByStatus()).containsExactly(java.util.Map.entry("open", 2L));
        assertThat(statistics.countByCategory()).containsExactly(java.util.Map.entry("bug", 2L));
        assertThat(statistics.topAuthors(5))
                .extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("alice=2");
        assertThat(statistics.createdAndClosedSince(now.minusSeconds(60))).hasSize(2);
    }

    private Issue issue(String title, String author, Approval approval, List<String> labels, Set<String> voters) {
        return new Issue(
                issues.nextId(),
                title,
                "Description of " + title,
                "bug",
                "open",
                author,
                null,
                labels,
                voters,
                approval,
                null,
                null,
                null,
                null,
                now,
                now,
                0);
    }

    private static Issue withCreated(Issue issue, Instant created) {
        return new Issue(
                issue.id(),
                issue.title(),
                issue.description(),
                issue.categoryId(),
                issue.statusId(),
                issue.author(),
                issue.assignee(),
                issue.labels(),
                issue.voters(),
                issue.approval(),
                issue.decision(),
                issue.archival(),
                issue.answerCommentId(),
                issue.closedAt(),
                created,
                created,
                issue.version());
    }

    private Comment comment(IssueId issueId, String body, Instant at) {
        return new Comment(comments.nextId(), issueId, body, "bob", Set.of(), false, at, at, 0);
    }

    private ReferenceItem item(String name) {
        return new ReferenceItem(reference.nextId(), ReferenceKind.CATEGORY, name, "", false, false, now, now, 0);
    }

    private static IssueQuery query(IssueQuery.Visibility visibility, IssueSort sort, List<String> labels) {
        return new IssueQuery(
                null, null, null, labels, null, null, null, false, null, null, sort, PageRequest.first(), visibility);
    }

    private static IssueQuery text(String text) {
        return new IssueQuery(
                text,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                IssueQuery.Visibility.ALL);
    }

    private List<String> titles(IssueQuery query) {
        return issues.search(query).items().stream().map(Issue::title).toList();
    }
}
