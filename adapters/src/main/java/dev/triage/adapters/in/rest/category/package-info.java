/** The category catalogue over HTTP: admins keep it, everyone signed in reads the active part. */
package dev.triage.adapters.in.rest.category;
