/** The model: records, value objects, repository interfaces and domain exceptions. No framework code. */
package org.issuetracker.domain;
