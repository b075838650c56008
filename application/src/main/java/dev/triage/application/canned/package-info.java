/** Canned responses: personal and shared reply templates with checked placeholders. */
package dev.triage.application.canned;
