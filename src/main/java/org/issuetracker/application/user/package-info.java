/**
 * Accounts: admins manage them; everyone can read who they are ({@code /api/me}) and others' public profiles. Users
 * make, list and revoke personal API tokens; admins revoke anyone's.
 */
package org.issuetracker.application.user;
