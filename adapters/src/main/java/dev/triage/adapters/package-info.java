/**
 * Everything that touches a framework or the outside world. {@code in.*} adapters turn requests
 * into commands and queries on the bus; {@code out.*} adapters implement the application's ports.
 * An inbound adapter never calls an outbound one directly.
 */
package dev.triage.adapters;
