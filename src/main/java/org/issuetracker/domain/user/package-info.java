/** The people who use the tracker: accounts, roles, and the repository that keeps them. */
package org.issuetracker.domain.user;
