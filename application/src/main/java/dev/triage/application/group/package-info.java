/**
 * Groups (teams) of staff (ADR 0019): admins add groups, rename them, set their members and delete
 * the ones nothing refers to; staff read them. A ticket belongs to at most one group, and an agent
 * restricted to their groups sees only those groups' tickets.
 */
package dev.triage.application.group;
