/**
 * Runtime settings an admin changes without a restart (ADR 17): default priority, which priorities
 * a customer may choose, whether requesters may accept a resolution, and the ages of automatic
 * escalation and auto-close. Validated here; stored, cached and audited by the application.
 */
package dev.triage.domain.settings;
