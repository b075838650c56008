/** People changing their own password. */
package dev.triage.application.identity.password;
