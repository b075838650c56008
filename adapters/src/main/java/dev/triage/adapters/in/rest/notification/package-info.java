/** The caller's in-app inbox under {@code /api/v1/notifications} and its JSON bodies. */
package dev.triage.adapters.in.rest.notification;
