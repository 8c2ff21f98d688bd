/**
 * Development only, never in the WAR: the launcher behind {@code mvn -Prun} and the embedded servers it and the
 * integration tests use (a MongoDB wire-protocol server in Java, and a real Redis binary).
 */
package org.issuetracker.dev;
