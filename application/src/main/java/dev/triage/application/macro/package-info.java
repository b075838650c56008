/** Macros: named sets of ticket actions, personal or shared, applied to a ticket as one command. */
package dev.triage.application.macro;
