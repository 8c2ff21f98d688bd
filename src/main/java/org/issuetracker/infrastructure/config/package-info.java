/**
 * Reading MicroProfile Config. Every default lives in {@code META-INF/microprofile-config.properties}; a missing or
 * malformed value stops the deployment with a message that names the property.
 */
package org.issuetracker.infrastructure.config;
