/** What users and integrations touch: the REST API ({@code rest}) and the Faces views ({@code web}). Thin: they call the application services. */
package org.issuetracker.interfaces;
