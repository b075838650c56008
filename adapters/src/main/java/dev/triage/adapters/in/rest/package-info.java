/**
 * The HTTP API: resources that turn requests into bus messages, and the single place that maps
 * results and exceptions to responses ({@link dev.triage.adapters.in.rest.Problems}).
 */
package dev.triage.adapters.in.rest;
