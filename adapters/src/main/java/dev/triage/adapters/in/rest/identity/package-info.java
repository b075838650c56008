/** The account endpoints: auth, the caller's own account, users and API tokens. */
package dev.triage.adapters.in.rest.identity;
