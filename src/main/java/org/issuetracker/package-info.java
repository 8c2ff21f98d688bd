/**
 * An issue tracker for enterprise intranets. Layers at the top ({@code domain}, {@code application},
 * {@code infrastructure}, {@code interfaces}), features underneath.
 */
package org.issuetracker;
