/** Telemetry: what the bus reports becomes log lines and Micrometer metrics here. */
package dev.triage.adapters.out.telemetry;
