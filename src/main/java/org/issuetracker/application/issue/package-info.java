/** Filing and reading issues: the service the REST API and the Faces views both call. */
package org.issuetracker.application.issue;
