/**
 * Use cases of Triage: one package per command or query, the ports they need, and the bus that runs
 * them through a fixed chain of decorators. Depends on the domain, Mutiny and the
 * jakarta.validation API only.
 */
package dev.triage.application;
