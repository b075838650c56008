/** The runtime settings over HTTP: admins read and change them (ADR 17). */
package dev.triage.adapters.in.rest.settings;
