/**
 * The Quarkus application: the main class, and the one place where ports are bound to adapters and
 * handlers to the bus.
 */
package dev.triage.bootstrap;
