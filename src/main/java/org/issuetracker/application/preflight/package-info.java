/**
 * The pre-deployment checklist, evaluated live: each of the operations guide's twelve items judged against the
 * running configuration and what the dependencies say about themselves, with the evidence and the fix.
 */
package org.issuetracker.application.preflight;
