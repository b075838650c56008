/** Reading the audit trail: filtered, newest first, in keyset pages (admins only). */
package dev.triage.application.audit.list;
