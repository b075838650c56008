/**
 * Bearer authentication for the HTTP API: JWT access tokens and API tokens both arrive as {@code
 * Authorization: Bearer}; the application's {@code Authentication} decides who the caller is.
 */
package dev.triage.adapters.in.rest.security;
