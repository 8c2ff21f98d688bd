/**
 * Tests of the deployment kit under docker/ and server-config/: each compose shape as docker-compose resolves it, the
 * shell scripts (shellcheck), the monitoring files, and the Redis persistence and backup drills on a real Redis.
 */
package org.issuetracker.deployment;
