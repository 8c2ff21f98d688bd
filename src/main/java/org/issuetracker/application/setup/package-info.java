/** What an empty database starts with: categories and statuses, the first admin, and (in dev) demo data. */
package org.issuetracker.application.setup;
