/** Application services: the units of work, the rules that span entities, and what each read may cache. */
package org.issuetracker.application;
