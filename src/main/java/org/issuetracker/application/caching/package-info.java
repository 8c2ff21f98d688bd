/**
 * Caching's one home. Services say what a read caches ({@link org.issuetracker.application.caching.CachedIn}) and
 * what a write makes wrong ({@link org.issuetracker.application.caching.InvalidatesCache}); the interceptors here
 * keep the entries in JCache regions, count hits and misses, and step aside (straight to the database) whenever
 * the cache cannot be reached.
 */
package org.issuetracker.application.caching;
