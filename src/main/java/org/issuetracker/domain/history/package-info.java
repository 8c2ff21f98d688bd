/** The history of an issue: every change of a field and every comment, in order, with who and when. */
package org.issuetracker.domain.history;
