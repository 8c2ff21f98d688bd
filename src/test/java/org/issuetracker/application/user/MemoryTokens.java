package org.issuetracker.application.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.ApiTokenRepository;

/** API tokens in a map, counting the writes of last uses. */
class MemoryTokens implements ApiTokenRepository {

    final Map<String, ApiToken> byId = new LinkedHashMap<>();
    int touches;

    @Override
    public ApiToken add(ApiToken token) {
        byId.put(token.id(), token);
        return token;
    }

    @Override
    public Optional<ApiToken> findByDigest(String digest) {
        return byId.values().stream().filter(t -> t.digest().equals(digest)).findFirst();
    }

    @Override
    public List<ApiToken> byOwner(String owner) {
        List<ApiToken> mine = new ArrayList<>(
                byId.values().stream().filter(t -> t.owner().equals(owner)).toList());
        mine.sort(Comparator.comparing(ApiToken::createdAt).reversed());
        return mine;
    }

    @Override
    public long countByOwner(String owner) {
        return byOwner(owner).size();
    }

    @Override
    public Optional<ApiToken> remove(String owner, String id) {
        ApiToken token = byId.get(id);
        if (token == null || !token.owner().equals(owner)) {
            return Optional.empty();
        }
        byId.remove(id);
        return Optional.of(token);
    }

    @Override
    public void touch(String id, Instant at, Instant notBefore) {
        touches++;
        ApiToken t = byId.get(id);
        if (t != null && (t.lastUsedAt() == null || t.lastUsedAt().isBefore(notBefore))) {
            byId.put(id, new ApiToken(t.id(), t.owner(), t.name(), t.digest(), t.createdAt(), t.expiresAt(), at));
        }
    }
}
