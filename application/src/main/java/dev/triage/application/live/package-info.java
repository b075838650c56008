/** Live ticket events for subscribers, filtered by what each caller may see. */
package dev.triage.application.live;
