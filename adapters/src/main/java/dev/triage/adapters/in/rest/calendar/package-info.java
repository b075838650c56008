/** Business calendars over HTTP: admins define and change them, staff read them. */
package dev.triage.adapters.in.rest.calendar;
