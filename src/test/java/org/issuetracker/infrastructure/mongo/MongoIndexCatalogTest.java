package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.descending;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoIndexCatalogTest {

    private final MongoSchema.Index wanted =
            new MongoSchema.Index("issues", "issues_author", ascending("author", "createdAt"), false);

    @Test
    void theSameFieldsInTheSameOrderAndDirectionsWhateverTheNumberType() {
        assertThat(MongoIndexCatalog.sameKeys(new Document("author", 1).append("createdAt", 1), wanted))
                .isTrue();
        assertThat(MongoIndexCatalog.sameKeys(new Document("author", 1.0).append("createdAt", 1L), wanted))
                .isTrue();
    }

    @Test
    void anotherOrderDirectionOrFieldIsDifferent() {
        assertThat(MongoIndexCatalog.sameKeys(new Document("createdAt", 1).append("author", 1), wanted))
                .isFalse();
        assertThat(MongoIndexCatalog.sameKeys(new Document("author", -1).append("createdAt", 1), wanted))
                .isFalse();
        assertThat(MongoIndexCatalog.sameKeys(new Document("author", 1), wanted))
                .isFalse();
        assertThat(MongoIndexCatalog.sameKeys(new Document("author", "text").append("createdAt", 1), wanted))
                .isFalse();
        assertThat(MongoIndexCatalog.sameKeys(
                        new Document("author", 1).append("createdAt", 1),
                        new MongoSchema.Index("issues", "x", descending("author", "createdAt"), false)))
                .isFalse();
    }
}
