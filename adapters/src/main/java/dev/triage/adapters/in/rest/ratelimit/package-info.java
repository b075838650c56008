/**
 * Rate limits at the HTTP edge: which limit each request counts against, and the 429 answer with
 * {@code Retry-After}, {@code RateLimit-Policy} and {@code RateLimit}.
 */
package dev.triage.adapters.in.rest.ratelimit;
