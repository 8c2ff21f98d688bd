/** Accounts: admins manage them; everyone can read who they are ({@code /api/me}) and others' public profiles. */
package org.issuetracker.application.user;
