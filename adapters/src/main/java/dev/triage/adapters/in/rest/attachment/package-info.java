/** {@code /api/v1/uploads} and {@code /api/v1/attachments}: files on comments and tickets. */
package dev.triage.adapters.in.rest.attachment;
