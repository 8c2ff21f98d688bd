/**
 * What every integration test shares: the servers the tests need ({@link org.issuetracker.support.TestServices}),
 * the one deployment builder ({@link org.issuetracker.support.Deployments}) and small HTTP, JSON and metrics helpers.
 */
package org.issuetracker.support;
