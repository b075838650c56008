/** Customers registering themselves. */
package dev.triage.application.identity.register;
