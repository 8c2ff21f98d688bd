/** Value types shared by every feature: paging and the base of domain exceptions. */
package org.issuetracker.domain.shared;
