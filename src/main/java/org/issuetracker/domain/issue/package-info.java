/** Issues: what users file, and the repository that keeps them. */
package org.issuetracker.domain.issue;
