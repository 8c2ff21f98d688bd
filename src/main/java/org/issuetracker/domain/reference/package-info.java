/**
 * Reference data that admins manage and issues point to: categories and statuses ({@link
 * org.issuetracker.domain.reference.ReferenceKind}), with names unique case-insensitively.
 */
package org.issuetracker.domain.reference;
