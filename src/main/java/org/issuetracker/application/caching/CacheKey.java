package org.issuetracker.application.caching;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks the parameter of an {@link InvalidatesCache} write that identifies the entity it changed. */
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface CacheKey {}
