/** REST endpoints of canned responses (issue 19, point 2). */
package dev.triage.adapters.in.rest.canned;
