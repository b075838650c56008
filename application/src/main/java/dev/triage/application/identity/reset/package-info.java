/**
 * Password reset by mail (ADR 0027): a single-use token, kept hashed, valid for 30 minutes, mailed
 * to the account's address; redeeming it sets a new password and ends every session.
 */
package dev.triage.application.identity.reset;
