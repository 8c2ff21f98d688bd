/** Redis through Redisson: the client, and the JCache caches of the cache regions (Redisson's JCache provider). */
package org.issuetracker.infrastructure.redis;
