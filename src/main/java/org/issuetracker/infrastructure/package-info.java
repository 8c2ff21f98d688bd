/** Technology behind the domain and application: MongoDB, Redis, health checks, configuration. */
package org.issuetracker.infrastructure;
