/** Ports: what the use cases need from the outside world, named by the role they play. */
package dev.triage.application.port;
