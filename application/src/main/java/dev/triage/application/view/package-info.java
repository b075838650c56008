/**
 * Saved views of the ticket list (issue 18, point 5): a name, the list's filters and its order,
 * personal to their maker or shared by admins with all staff; their pages are the list's pages,
 * their counts cached per replica for a short, stated time.
 */
package dev.triage.application.view;
