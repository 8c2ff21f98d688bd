/** Discussing issues: comments, their upvotes, and the answer an issue's author or an admin picks. */
package org.issuetracker.application.comment;
