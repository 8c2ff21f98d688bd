/** The summary report: counts by status and category, created vs closed per week, top contributors. */
package org.issuetracker.application.report;
