/** Live ticket events over HTTP as Server-Sent Events. */
package dev.triage.adapters.in.rest.live;
