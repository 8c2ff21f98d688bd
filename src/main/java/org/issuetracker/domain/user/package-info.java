/**
 * The people who use the tracker: accounts, roles, their personal API tokens (kept as digests), and the repositories
 * that keep them.
 */
package org.issuetracker.domain.user;
