/** Faces backing beans, named after the use case they serve (no "Bean" suffix). Views are in {@code src/main/webapp}. */
package org.issuetracker.interfaces.web;
