package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, with the Triage error {@code code} and, for validation, the
 * messages per field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    Map<String, List<String>> errors) {}
