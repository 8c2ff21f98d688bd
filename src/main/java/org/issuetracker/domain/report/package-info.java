/** Figures over all issues, for the dashboard and the summary report. */
package org.issuetracker.domain.report;
