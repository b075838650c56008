package dev.triage.application.tag;

import java.util.Objects;

/** A tag in use and how many tickets carry it. */
public record TagCount(String tag, long tickets) {
  public TagCount {
    Objects.requireNonNull(tag, "tag");
  }
}
