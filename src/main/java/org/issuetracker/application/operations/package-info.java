/**
 * What operators need to see while the application runs: error rates per service ({@link Monitored}), HTTP traffic
 * and latency ({@link RequestMetrics}, {@link Traffic}), the latest server errors ({@link RecentErrors}), and the
 * operations report that puts them together with the dependencies' health, the cache and MongoDB's indexes
 * ({@link OperationsService}, shown on the admins' operations page and at {@code /api/admin/operations}).
 */
package org.issuetracker.application.operations;
