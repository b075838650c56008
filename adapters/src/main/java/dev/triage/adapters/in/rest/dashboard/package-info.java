/** The admin dashboard over HTTP. */
package dev.triage.adapters.in.rest.dashboard;
