/** Categories and statuses: admins manage them; everyone reads them; an empty database gets the standard set. */
package org.issuetracker.application.reference;
