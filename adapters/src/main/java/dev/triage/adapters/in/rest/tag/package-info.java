/** {@code /api/v1/tags}: the tags in use with their counts, and renaming or merging them. */
package dev.triage.adapters.in.rest.tag;
