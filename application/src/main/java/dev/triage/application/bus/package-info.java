/**
 * The command/query bus: an explicit handler registry and an ordered chain of decorators (logging,
 * validation, transaction, later idempotency, authorization and audit) around every handler.
 */
package dev.triage.application.bus;
