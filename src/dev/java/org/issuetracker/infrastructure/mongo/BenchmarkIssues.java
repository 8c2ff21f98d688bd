package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;

/**
 * Seeds the benchmark's issues straight into MongoDB, in the application's own document format (this class sits in
 * the repository's package to use its mapping): 10 000 issues through the API would take minutes of PBKDF2.
 * The scale benchmark's issues ({@link #insertRealistic}) vary as a tracker's do: titles and descriptions from a
 * vocabulary, several labels, every category and status, a few hundred authors, votes.
 */
public final class BenchmarkIssues {

    private BenchmarkIssues() {}

    /** Inserts {@code count} approved issues by {@code author} in the first category, Open, and returns their ids. */
    public static List<String> insert(MongoDatabase database, int count, String author) {
        return insert(
                database,
                count,
                database.getCollection("categories")
                        .find()
                        .first()
                        .getObjectId("_id")
                        .toHexString(),
                database.getCollection("statuses")
                        .find(new Document("name", "Open"))
                        .first()
                        .getObjectId("_id")
                        .toHexString(),
                author);
    }

    /** Inserts {@code count} approved issues and returns their ids, oldest first. */
    public static List<String> insert(
            MongoDatabase database, int count, String categoryId, String statusId, String author) {
        Instant start = Instant.now().minus(count, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        List<Document> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = new ObjectId().toHexString();
            Instant created = start.plus(i, ChronoUnit.MINUTES);
            batch.add(IssueDocuments.toDocument(new Issue(
                    new IssueId(id),
                    "Benchmark issue " + i,
                    "Seeded for the cache benchmark, number " + i + ".",
                    categoryId,
                    statusId,
                    author,
                    null,
                    List.of("bench-" + (i % 50)),
                    Set.of(),
                    Approval.APPROVED,
                    new Issue.Decision(author, created),
                    null,
                    null,
                    null,
                    created,
                    created,
                    0)));
            ids.add(id);
            if (batch.size() == 1000) {
                database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
        }
        return ids;
    }

    /** The issue's version and vote count as MongoDB has them (the record, to compare what the cache serves with). */
    public static long[] versionAndVotes(MongoDatabase database, String id) {
        Issue issue = IssueDocuments.toIssue(database.getCollection(IssueDocuments.COLLECTION)
                .find(new Document(Documents.ID, new ObjectId(id)))
                .first());
        return new long[] {issue.version(), issue.voteCount()};
    }

    /** Every issue's version and vote count as MongoDB has them, by id (one scan of the collection). */
    public static Map<String, long[]> versionsAndVotes(MongoDatabase database) {
        Map<String, long[]> all = new HashMap<>();
        for (Document document : database.getCollection(IssueDocuments.COLLECTION)
                .find()
                .projection(new Document(Documents.VERSION, 1).append(IssueDocuments.VOTE_COUNT, 1))) {
            Number votes = document.get(IssueDocuments.VOTE_COUNT, Number.class);
            all.put(
                    document.getObjectId(Documents.ID).toHexString(),
                    new long[] {Documents.version(document), votes == null ? 0 : votes.longValue()});
        }
        return all;
    }

    /** Users who never sign in (their hash matches no password), straight into the collection: authors and voters. */
    public static void insertUsers(MongoDatabase database, List<String> usernames) {
        MongoUserRepository users = new MongoUserRepository();
        users.database = database;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String username : usernames) {
            users.add(new User(
                    username,
                    "Benchmark " + username,
                    username + "@example.com",
                    EnumSet.of(Role.USER),
                    true,
                    "!never-signs-in",
                    now,
                    now,
                    0,
                    false,
                    null));
        }
    }

    private static final String[] COMPONENTS = {
        "Login page",
        "Search",
        "Issue list",
        "Comment editor",
        "Export",
        "Dashboard",
        "API client",
        "Notifications",
        "Settings page",
        "Attachment upload",
        "Report view",
        "Mobile layout",
        "Label picker",
        "Sign-up form",
        "Admin console",
        "Backup job"
    };
    private static final String[] PROBLEMS = {
        "fails with a timeout",
        "shows the wrong date",
        "is slow",
        "crashes",
        "loses unsaved changes",
        "ignores the language setting",
        "renders blank",
        "returns an error",
        "double-counts votes",
        "cannot be reached with the keyboard",
        "leaks memory",
        "hangs",
        "breaks on long titles",
        "rejects valid input",
        "sorts in the wrong order"
    };
    private static final String[] SITUATIONS = {
        "after an update", "on Firefox", "on a slow network", "with many comments", "for new users",
        "in dark mode", "when offline", "under load", "with a German locale", "after signing out",
        "on small screens", "with an expired session", "for archived issues", "behind a proxy"
    };
    private static final String[] SENTENCES = {
        "Steps to reproduce: open the page, wait a moment and try again.",
        "It started with the latest release; the one before worked.",
        "The browser console shows nothing unusual.",
        "Several colleagues see the same, so it is not my machine.",
        "A reload sometimes helps, but the problem comes back within minutes.",
        "Expected the page to answer at once, as it does elsewhere.",
        "The server log has a stack trace at the same time, attached below.",
        "This blocks our weekly review, so a workaround would already help.",
        "I could not find an existing issue about it.",
        "It happens every time with a fresh account."
    };
    private static final String[] LABELS = {
        "ui",
        "api",
        "performance",
        "security",
        "docs",
        "build",
        "regression",
        "mobile",
        "accessibility",
        "i18n",
        "search",
        "export",
        "notifications",
        "good-first-issue",
        "needs-info",
        "duplicate-candidate"
    };

    /**
     * Inserts {@code count} approved issues numbered from {@code first} (so that several calls add up to one
     * realistic set), by {@code authors}, in every category and status (the first status, Open, as often as all the
     * others together), in batches of 1 000. About one title in fifteen contains "timeout" (the scale benchmark's
     * search word). Deterministic for a given {@code first}.
     */
    public static void insertRealistic(MongoDatabase database, int first, int count, List<String> authors) {
        List<String> categories = new ArrayList<>();
        database.getCollection("categories")
                .find()
                .forEach(document -> categories.add(document.getObjectId("_id").toHexString()));
        List<String> statuses = new ArrayList<>();
        database.getCollection("statuses")
                .find()
                .forEach(document -> statuses.add(document.getObjectId("_id").toHexString()));
        String open = database.getCollection("statuses")
                .find(new Document("name", "Open"))
                .first()
                .getObjectId("_id")
                .toHexString();
        Random random = new Random(first * 31L + count);
        // three years back, one issue after another: the newest of all calls is about now
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant origin = now.minus(3 * 365, ChronoUnit.DAYS);
        long step = Math.max(1, ChronoUnit.SECONDS.between(origin, now) / Math.max(1, first + count));
        List<Document> batch = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String title = COMPONENTS[random.nextInt(COMPONENTS.length)] + " "
                    + PROBLEMS[random.nextInt(PROBLEMS.length)] + " "
                    + SITUATIONS[random.nextInt(SITUATIONS.length)];
            StringBuilder description = new StringBuilder(title).append(". ");
            for (int s = 0, n = 2 + random.nextInt(4); s < n; s++) {
                description.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
            }
            description.append("Reference ").append(i).append('.');
            List<String> labels = new ArrayList<>();
            for (int l = 0, n = random.nextInt(4); l < n; l++) {
                String label = LABELS[random.nextInt(LABELS.length)];
                if (!labels.contains(label)) {
                    labels.add(label);
                }
            }
            String author = authors.get(
                    (int) Math.min(authors.size() - 1, Math.abs(random.nextGaussian()) * authors.size() / 3));
            Set<String> voters = new HashSet<>();
            // most issues have no or few votes, some many
            int votes = (int) Math.min(authors.size() - 1, Math.floor(Math.exp(random.nextDouble() * 4) - 1));
            while (voters.size() < votes) {
                String voter = authors.get(random.nextInt(authors.size()));
                if (!voter.equals(author)) {
                    voters.add(voter);
                }
            }
            Instant created = origin.plusSeconds(step * i + random.nextInt((int) Math.min(Integer.MAX_VALUE, step)));
            Instant modified = created.plusSeconds(random.nextInt(30 * 24 * 3600));
            if (modified.isAfter(now)) {
                modified = now;
            }
            String status = random.nextBoolean() ? open : statuses.get(random.nextInt(statuses.size()));
            batch.add(IssueDocuments.toDocument(new Issue(
                    new IssueId(new ObjectId().toHexString()),
                    title,
                    description.toString().strip(),
                    categories.get(random.nextInt(categories.size())),
                    status,
                    author,
                    random.nextInt(4) == 0 ? authors.get(random.nextInt(authors.size())) : null,
                    labels,
                    voters,
                    Approval.APPROVED,
                    new Issue.Decision("admin", created),
                    null,
                    null,
                    null,
                    created,
                    modified,
                    voters.size())));
            if (batch.size() == 1000) {
                database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
        }
    }
}
