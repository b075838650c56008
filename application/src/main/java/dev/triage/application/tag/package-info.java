/** Tags across all tickets: the ones in use with their counts, and renaming or merging them. */
package dev.triage.application.tag;
