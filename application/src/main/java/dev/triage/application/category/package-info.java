/**
 * The category catalogue (issue 18, point 2): admins add categories and change or deactivate them;
 * everyone signed in reads the active ones, staff all of them. A ticket's category must name an
 * active entry, and an entry's default priority applies to tickets opened in it without one.
 */
package dev.triage.application.category;
