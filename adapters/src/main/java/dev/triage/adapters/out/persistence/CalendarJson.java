package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Holiday;
import dev.triage.domain.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code definition} of a calendar version row (V16): the calendar in the shape the API writes
 * it, {@code {"name","timeZone","week":{"MONDAY":[{"start":"09:00","end":"17:00"}]},"holidays":
 * [{"date","name","yearly"}]}}. A stored definition was checked when it was written, so reading one
 * back builds the calendar without the admin's rules; a row that breaks the calendar's structure
 * fails loudly as corrupt.
 */
final class CalendarJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private CalendarJson() {}

  static String write(BusinessCalendar calendar) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", calendar.name());
    root.put("timeZone", calendar.zone().getId());
    ObjectNode week = root.putObject("week");
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingInterval> intervals = calendar.week().get(day);
      if (intervals == null) {
        continue;
      }
      ArrayNode hours = week.putArray(day.name());
      for (WorkingInterval interval : intervals) {
        hours
            .addObject()
            .put("start", interval.start().format(HH_MM))
            .put("end", interval.end().format(HH_MM));
      }
    }
    ArrayNode holidays = root.putArray("holidays");
    for (Holiday h : calendar.holidays()) {
      holidays
          .addObject()
          .put("date", h.date().toString())
          .put("name", h.name())
          .put("yearly", h.yearly());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("calendar not serializable: " + calendar.name(), e);
    }
  }

  static BusinessCalendar read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored calendar definition unreadable", e);
    }
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    root.path("week")
        .properties()
        .forEach(
            day -> {
              List<WorkingInterval> intervals = new ArrayList<>();
              day.getValue()
                  .forEach(
                      i ->
                          intervals.add(
                              WorkingInterval.of(
                                  LocalTime.parse(i.path("start").asText()),
                                  LocalTime.parse(i.path("end").asText()))));
              week.put(DayOfWeek.valueOf(day.getKey()), intervals);
            });
    List<Holiday> holidays = new ArrayList<>();
    root.path("holidays")
        .forEach(
            h ->
                holidays.add(
                    new Holiday(
                        LocalDate.parse(h.path("date").asText()),
                        h.path("name").asText(),
                        h.path("yearly").asBoolean())));
    return new BusinessCalendar(
        root.path("name").asText(), ZoneId.of(root.path("timeZone").asText()), week, holidays);
  }
}
