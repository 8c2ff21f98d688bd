/** Comments on issues: the discussion, upvotes, and the one comment an issue's author may mark as its answer. */
package org.issuetracker.domain.comment;
