package org.issuetracker.application.caching;

/**
 * Where the key that signs cache entries comes from ({@link EntrySeal}): a store the cache cannot write to, shared
 * by every instance, so that one instance's entries verify on the others and nobody who can only write to Redis can
 * make an entry that verifies.
 */
public interface SigningKeySource {

    /** The shared key (at least 32 bytes), made once for the whole deployment; throws if the store cannot answer. */
    byte[] signingKey();
}
