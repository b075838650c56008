/**
 * The custom ticket field catalogue (issue 18, point 4; ADR 20): admins define fields and change or
 * retire them; everyone signed in reads the fields they may see (customers: active fields visible
 * to customers), staff all of them.
 */
package dev.triage.application.field;
