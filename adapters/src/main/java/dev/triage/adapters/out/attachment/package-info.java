/**
 * Attachments (ADR 29): their rows in PostgreSQL, and their bytes in PostgreSQL chunks or an
 * S3-compatible bucket.
 */
package dev.triage.adapters.out.attachment;
