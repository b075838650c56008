package dev.triage.domain.ticket;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.user.Actor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A custom ticket field as an admin defined it (ADR 20), and the rules of its values. The key and
 * type never change once the field exists; options may grow (a removed option stays readable on the
 * tickets that have it, but is no longer accepted).
 *
 * <p>Values arrive as a JSON reader makes them: {@link String}, {@link Boolean}, {@link BigInteger}
 * (a JSON integer), {@link BigDecimal} (a JSON number with a fraction or exponent, exactly as
 * written), {@link List} (an array), or anything else for what no field accepts. {@link #value}
 * answers the value as stored: a {@link String} for TEXT, LONG_TEXT, DATE and DROPDOWN, a {@link
 * Long} for INTEGER, a {@link BigDecimal} for DECIMAL, a {@link Boolean} for CHECKBOX, a list of
 * strings for MULTI_SELECT.
 *
 * @param options the choices of a DROPDOWN or MULTI_SELECT field, empty for the other types
 * @param visibleToCustomers false makes the field staff-only: customers never see its values
 * @param editableByCustomers customers may set it (when they also see it)
 * @param position where forms show it, smallest first
 * @param active false once retired: no longer offered nor accepted, its values stay readable
 */
public record FieldDefinition(
    String key,
    String label,
    FieldType type,
    List<String> options,
    boolean requiredForCustomers,
    boolean requiredForStaff,
    boolean visibleToCustomers,
    boolean editableByCustomers,
    int position,
    boolean active) {

  /** Keys: a lower-case letter, then lower-case letters, digits or underscores; 40 at most. */
  public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

  public static final int MAX_LABEL_LENGTH = 100;
  public static final int MAX_OPTIONS = 100;
  public static final int MAX_OPTION_LENGTH = 100;
  public static final int MAX_TEXT_LENGTH = 255;
  public static final int MAX_LONG_TEXT_LENGTH = 10_000;

  /** The most significant digits, and the largest scale either way, a DECIMAL value may have. */
  public static final int MAX_DECIMAL_DIGITS = 38;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  public FieldDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    options = List.copyOf(options);
  }

  /**
   * A field as an admin asks for it, every refusal naming its part as the body spells it ({@code
   * key}, {@code label}, {@code type}, {@code options}).
   */
  public static Result<FieldDefinition> of(
      String key,
      String label,
      String type,
      List<String> options,
      boolean requiredForCustomers,
      boolean requiredForStaff,
      boolean visibleToCustomers,
      boolean editableByCustomers,
      int position,
      boolean active) {
    FieldErrors errors = new FieldErrors();
    if (key == null) {
      errors.add("key", "is required");
    } else if (!KEY.matcher(key).matches()) {
      errors.add(
          "key",
          "must start with a lower-case letter and hold only lower-case letters, digits and"
              + " underscores, 40 characters at most");
    }
    String cleanLabel = label(label, errors);
    FieldType fieldType = null;
    if (type == null) {
      errors.add("type", "is required");
    } else {
      fieldType = FieldType.named(type).orElse(null);
      if (fieldType == null) {
        errors.add("type", "must be one of " + Arrays.toString(FieldType.values()));
      }
    }
    List<String> cleanOptions = List.of();
    if (fieldType != null) {
      cleanOptions = options(fieldType, options, errors);
    }
    FieldType t = fieldType;
    List<String> o = cleanOptions;
    return errors.toResult(
        () ->
            new FieldDefinition(
                key,
                cleanLabel,
                t,
                o,
                requiredForCustomers,
                requiredForStaff,
                visibleToCustomers,
                editableByCustomers,
                position,
                active));
  }

  /** The label trimmed, 1 to {@value #MAX_LABEL_LENGTH} characters; refusals name {@code label}. */
  public static String label(String raw, FieldErrors errors) {
    if (raw == null) {
      errors.add("label", "is required");
      return null;
    }
    String trimmed = raw.strip();
    if (trimmed.isEmpty() || Texts.length(trimmed) > MAX_LABEL_LENGTH) {
      errors.add("label", "must be 1 to " + MAX_LABEL_LENGTH + " characters");
      return null;
    }
    return trimmed;
  }

  /**
   * The options a field of {@code type} may have: 1 to {@value #MAX_OPTIONS} distinct texts of 1 to
   * {@value #MAX_OPTION_LENGTH} characters for a DROPDOWN or MULTI_SELECT, none for the other
   * types; refusals name {@code options}.
   */
  public static List<String> options(FieldType type, List<String> raw, FieldErrors errors) {
    if (!type.hasOptions()) {
      if (raw != null && !raw.isEmpty()) {
        errors.add("options", "only DROPDOWN and MULTI_SELECT fields have options");
      }
      return List.of();
    }
    if (raw == null || raw.isEmpty() || raw.size() > MAX_OPTIONS) {
      errors.add("options", "a " + type + " field needs 1 to " + MAX_OPTIONS + " options");
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String option : raw) {
      if (option == null
          || Texts.isBlank(option)
          || option.indexOf('\u0000') >= 0
          || Texts.length(option) > MAX_OPTION_LENGTH
          || !option.equals(option.strip())) {
        errors.add(
            "options",
            "each option must be 1 to "
                + MAX_OPTION_LENGTH
                + " characters, without leading or trailing spaces");
        return List.of();
      }
      if (!seen.add(option)) {
        errors.add("options", "options must be distinct: " + option + " is given twice");
        return List.of();
      }
    }
    return List.copyOf(seen);
  }

  /** The name a refusal of this field's value gives: {@code fields.<key>}. */
  public String errorName() {
    return "fields." + key;
  }

  /** Customers may set this field: they see it and it is editable by them. */
  public boolean customerMayWrite() {
    return visibleToCustomers && editableByCustomers;
  }

  /** Must {@code creator} give this field when opening a ticket? */
  public boolean requiredOf(Actor creator) {
    return active
        && (creator.isStaff() ? requiredForStaff : requiredForCustomers && customerMayWrite());
  }

  /** May {@code viewer} see this field's values? */
  public boolean visibleTo(Actor viewer) {
    return viewer.isStaff() || visibleToCustomers;
  }

  /** The value {@code raw} as stored, or a refusal naming {@code fields.<key>}. */
  public Result<Object> value(Object raw) {
    return switch (type) {
      case TEXT -> text(raw, MAX_TEXT_LENGTH);
      case LONG_TEXT -> text(raw, MAX_LONG_TEXT_LENGTH);
      case INTEGER -> integer(raw);
      case DECIMAL -> decimal(raw);
      case DATE -> date(raw);
      case CHECKBOX -> raw instanceof Boolean b ? Result.ok(b) : refuse("must be true or false");
      case DROPDOWN ->
          raw instanceof String s && options.contains(s)
              ? Result.ok(s)
              : refuse("must be one of " + options);
      case MULTI_SELECT -> multi(raw);
    };
  }

  private Result<Object> text(Object raw, int max) {
    if (!(raw instanceof String s)) {
      return refuse("must be text");
    }
    if (s.isEmpty() || Texts.length(s) > max) {
      return refuse("must be 1 to " + max + " characters");
    }
    if (s.indexOf('\u0000') >= 0) {
      return refuse("must not contain the NUL character");
    }
    return Result.ok(s);
  }

  private Result<Object> integer(Object raw) {
    if (raw instanceof BigInteger i) {
      return i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0
          ? Result.ok(i.longValue())
          : refuse("must be a whole number within 64 bits");
    }
    if (raw instanceof Long l) {
      return Result.ok(l);
    }
    if (raw instanceof Integer i) {
      return Result.ok(i.longValue());
    }
    return refuse("must be a whole number (a JSON integer)");
  }

  private Result<Object> decimal(Object raw) {
    BigDecimal d;
    if (raw instanceof BigDecimal b) {
      d = b;
    } else if (raw instanceof BigInteger i) {
      d = new BigDecimal(i);
    } else if (raw instanceof Long l) {
      d = BigDecimal.valueOf(l);
    } else if (raw instanceof Integer i) {
      d = BigDecimal.valueOf(i);
    } else {
      return refuse("must be a number");
    }
    if (d.precision() > MAX_DECIMAL_DIGITS || Math.abs(d.scale()) > MAX_DECIMAL_DIGITS) {
      return refuse("must have at most " + MAX_DECIMAL_DIGITS + " digits and a scale within that");
    }
    return Result.ok(d);
  }

  private Result<Object> date(Object raw) {
    if (raw instanceof String s && s.length() == 10) {
      try {
        return Result.ok(LocalDate.parse(s).toString());
      } catch (DateTimeParseException e) {
        return refuse("must be a date, YYYY-MM-DD");
      }
    }
    return refuse("must be a date, YYYY-MM-DD");
  }

  private Result<Object> multi(Object raw) {
    if (!(raw instanceof List<?> list)) {
      return refuse("must be an array of options of " + options);
    }
    List<String> values = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s) || !options.contains(s)) {
        return refuse("each value must be one of " + options);
      }
      if (values.contains(s)) {
        return refuse("values must be distinct: " + s + " is given twice");
      }
      values.add(s);
    }
    return Result.ok(List.copyOf(values));
  }

  private Result<Object> refuse(String message) {
    return Result.invalid(errorName(), message);
  }
}
