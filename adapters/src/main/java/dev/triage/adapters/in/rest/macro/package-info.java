/** REST endpoints of macros (issue 19, point 3). */
package dev.triage.adapters.in.rest.macro;
