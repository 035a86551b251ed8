package com.essentialslti.web;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that anyone may call before a platform has vouched for them: {@link RateLimitFilter} limits it
 * per client address. Bound to the resource itself, so every path that reaches it (a trailing slash, matrix
 * parameters) is limited alike.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
}
