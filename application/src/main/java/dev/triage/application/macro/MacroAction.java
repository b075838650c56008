package dev.triage.application.macro;

import java.util.Set;

/**
 * One action of a macro as the API spells it: its type and its value (text, a list of texts, an
 * object of custom field values, or null). Stored macros hold checked ones; a request may hold
 * anything, and is checked by {@link MacroChecks}.
 */
public record MacroAction(String type, Object value) {

  public static final String STATUS = "status";
  public static final String PRIORITY = "priority";
  public static final String ASSIGNEE = "assignee";
  public static final String GROUP = "group";
  public static final String CATEGORY = "category";
  public static final String ADD_TAGS = "addTags";
  public static final String REMOVE_TAGS = "removeTags";
  public static final String FIELD = "field";
  public static final String REPLY = "reply";
  public static final String NOTE = "note";

  /** Every type, in the order the API documents them. */
  public static final Set<String> TYPES =
      Set.of(
          STATUS, PRIORITY, ASSIGNEE, GROUP, CATEGORY, ADD_TAGS, REMOVE_TAGS, FIELD, REPLY, NOTE);

  /** The value {@code me} of an assignee action: whoever applies the macro. */
  public static final String ME = "me";
}
