/**
 * MicroProfile Health: one check per probe and dependency. Start-up is strict (MongoDB and Redis have answered,
 * indexes exist); readiness needs MongoDB only, Redis being a cache; liveness looks at the process alone, so that
 * no outage of a dependency ever makes an orchestrator restart every node at once.
 */
package org.issuetracker.infrastructure.health;
