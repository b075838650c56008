/**
 * Runtime settings (ADR 17): admins read them ({@link
 * dev.triage.application.settings.ShowSettings}) and change them ({@link
 * dev.triage.application.settings.ChangeSettings}, audited, If-Match on the version); every other
 * use case applies them through {@link dev.triage.application.port.CurrentSettings}.
 */
package dev.triage.application.settings;
