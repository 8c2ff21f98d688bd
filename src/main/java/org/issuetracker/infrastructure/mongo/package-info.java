/** MongoDB through {@code mongodb-driver-sync}: the client, the repositories and the indexes they need. */
package org.issuetracker.infrastructure.mongo;
