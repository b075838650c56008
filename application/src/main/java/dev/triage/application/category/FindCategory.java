package dev.triage.application.category;

import dev.triage.application.bus.Query;

/** What is this category? Customers see active ones only. */
public record FindCategory(String categoryId) implements Query<CategoryView> {}
