package dev.triage.bootstrap.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations the served OpenAPI document publishes under {@code /api/v1}, and the check that a
 * test's catalogue of endpoints covers each of them and names no other. Operations are compared on
 * method and path template, with the path parameters' names left out: {@code /tickets/{own}},
 * {@code /tickets/{missing}} and {@code /tickets/{id}} are one endpoint.
 */
public final class PublishedOperations {

  public static final String API = "/api/v1";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private PublishedOperations() {}

  /**
   * Every operation of {@code GET /q/openapi?format=json} under {@link #API}, by {@link #key}, each
   * named as the document writes it ({@code "PATCH /api/v1/tickets/{id}"}).
   */
  public static Map<String, String> fetch() {
    Map<String, Map<String, Object>> paths =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    Map<String, String> published = new TreeMap<>();
    paths.forEach(
        (path, item) -> {
          if (path.equals(API) || path.startsWith(API + "/")) {
            for (String method : item.keySet()) {
              if (METHODS.contains(method)) {
                String name = method.toUpperCase(Locale.ROOT) + " " + path;
                published.put(key(name), name);
              }
            }
          }
        });
    return published;
  }

  /** {@code "GET /api/v1/tickets/{own}"} as {@code "GET /api/v1/tickets/{}"}. */
  public static String key(String endpoint) {
    return endpoint.strip().replaceAll("\\{[^}/]*}", "{}");
  }

  /**
   * What is wrong with a catalogue: every published operation that is neither {@code covered} nor
   * {@code notCovered}, every endpoint of either that the document does not publish, and every
   * endpoint that is in both. Endpoints are {@code "METHOD /api/v1/path"}; empty when all is well.
   */
  public static List<String> gaps(
      String catalogue,
      Map<String, String> published,
      Collection<String> covered,
      Map<String, String> notCovered) {
    List<String> gaps = new ArrayList<>();
    Map<String, String> rows = new TreeMap<>();
    for (String endpoint : covered) {
      rows.putIfAbsent(key(endpoint), endpoint);
    }
    Map<String, String> left = new TreeMap<>();
    notCovered.keySet().forEach(endpoint -> left.put(key(endpoint), endpoint));
    published.forEach(
        (key, endpoint) -> {
          if (!rows.containsKey(key) && !left.containsKey(key)) {
            gaps.add(
                endpoint
                    + " is published in the OpenAPI document but has no row in "
                    + catalogue
                    + " (add one, or list it as not covered with the reason)");
          }
        });
    rows.forEach(
        (key, endpoint) -> {
          if (!published.containsKey(key)) {
            gaps.add(unpublished(endpoint + " has a row in " + catalogue));
          } else if (left.containsKey(key)) {
            gaps.add(
                endpoint + " has a row in " + catalogue + " and is also listed as not covered");
          }
        });
    left.forEach(
        (key, endpoint) -> {
          if (!published.containsKey(key)) {
            gaps.add(unpublished(endpoint + " is listed as not covered by " + catalogue));
          }
        });
    return gaps;
  }

  /** The gap of an endpoint, said as {@code what}, that the document does not publish. */
  private static String unpublished(String what) {
    return what + " but the OpenAPI document publishes no such operation";
  }
}
