package dev.triage.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The offline check of the Kubernetes manifests in {@code deploy/}: every YAML file is well-formed,
 * the kustomize base and every overlay build, and every object they produce is checked against the
 * Kubernetes types (fabric8 typed models, read strictly, and the Kubernetes OpenAPI schema that
 * fabric8 ships), against the CloudNativePG {@code Cluster}'s required fields, and against the
 * service's operating rules (security posture, probes, references, alerts, no literal secrets).
 *
 * <p>No Java implementation of kustomize exists on Maven Central, so {@link Kustomize} builds the
 * documented subset of kustomize that the manifests use (see deploy/README.md) and refuses any
 * other kustomize feature, so the manifests cannot drift out of what is checked here. The built
 * output of each overlay is written to {@code target/deploy/} for review.
 */
class ManifestsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Reads YAML strictly: duplicate keys fail. */
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads Kubernetes objects into fabric8 types without coercing scalars ("8080" is no int). */
  private static final ObjectMapper TYPED =
      JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

  private static final YAMLMapper YAML_OUT =
      new YAMLMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  /** Secrets that are created out of band, by name (deploy/README.md says how). */
  private static final Set<String> EXTERNAL_SECRETS =
      Set.of("triage-jwt", "triage-admin", "triage-idempotency");

  /** Environment variables the production build needs (ADR 0003 and issue 7). */
  private static final List<String> REQUIRED_ENV =
      List.of(
          "TRIAGE_DB_URL",
          "TRIAGE_DB_USER",
          "TRIAGE_DB_PASSWORD",
          "TRIAGE_JWT_PRIVATE_KEY",
          "TRIAGE_JWT_PUBLIC_KEY",
          "TRIAGE_ADMIN_EMAIL",
          "TRIAGE_ADMIN_PASSWORD");

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|CREDENTIAL|_KEY$|^KEY$).*");

  private static final String CNPG_API = "postgresql.cnpg.io/v1";

  private static Path root;
  private static Path deploy;
  private static Schema schema;

  @BeforeAll
  static void locate() throws IOException {
    root = repositoryRoot();
    deploy = root.resolve("deploy");
    assertTrue(
        Files.isDirectory(deploy),
        () ->
            "The deploy/ folder is missing from " + root + ": the Kubernetes manifests live there");
    schema = Schema.load();
  }

  // ---- (a) well-formed ------------------------------------------------------------------------

  @Test
  void everyYamlAndJsonFileUnderDeployIsWellFormed() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(deploy)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
              .sorted()
              .toList();
    }
    assertThat(files).as("YAML files under deploy/").isNotEmpty();
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      try {
        if (file.toString().endsWith(".json")) {
          JSON.readTree(file.toFile());
        } else {
          List<JsonNode> docs = readYamlDocuments(file);
          for (JsonNode doc : docs) {
            if (!doc.isObject()) {
              errors.add(rel(file) + ": a document is not a mapping");
            }
          }
        }
      } catch (IOException e) {
        errors.add(rel(file) + ": " + e.getMessage());
      }
    }
    assertThat(errors).as("malformed files").isEmpty();
  }

  // ---- (b) + (c) build and validate base and every overlay -------------------------------------

  @TestFactory
  Stream<DynamicTest> baseAndEveryOverlayBuildAndValidate() throws IOException {
    List<Path> targets = new ArrayList<>();
    targets.add(deploy.resolve("base"));
    Path overlays = deploy.resolve("overlays");
    assertTrue(Files.isDirectory(overlays), "deploy/overlays is missing");
    try (Stream<Path> list = Files.list(overlays)) {
      list.filter(Files::isDirectory).sorted().forEach(targets::add);
    }
    assertThat(targets.stream().map(p -> p.getFileName().toString()))
        .contains("base", "dev", "prod");
    return targets.stream()
        .map(dir -> DynamicTest.dynamicTest(rel(dir), () -> buildAndValidate(dir)));
  }

  private void buildAndValidate(Path dir) throws IOException {
    boolean overlay = !dir.getFileName().toString().equals("base");
    List<ObjectNode> objects = new Kustomize().build(dir);
    writeBuilt(dir, objects);

    List<String> errors = new ArrayList<>();
    int typed = 0;
    int schemaChecked = 0;
    int crds = 0;
    for (ObjectNode object : objects) {
      String id = id(object);
      errors.addAll(prefix(id, checkMetadata(object)));
      Validation v = validate(object);
      errors.addAll(prefix(id, v.errors()));
      typed += v.typed() ? 1 : 0;
      schemaChecked += v.schema() ? 1 : 0;
      crds += v.crd() ? 1 : 0;
    }
    errors.addAll(new Rules(objects, overlay).check());
    assertThat(errors).as("problems in the build of " + rel(dir)).isEmpty();
    System.out.printf(
        "manifests %s: %d objects built, %d validated (%d typed against fabric8 Kubernetes models and"
            + " %d against the Kubernetes OpenAPI schema, %d CloudNativePG by required fields),"
            + " kinds %s%n",
        rel(dir), objects.size(), objects.size(), typed, schemaChecked, crds, kinds(objects));
  }

  // ---- the checker itself rejects what it must --------------------------------------------------

  @Test
  void validationRejectsMisspelledFieldsWrongTypesAndUnknownKinds() throws IOException {
    ObjectNode deployment = baseObject("Deployment", "triage");
    ObjectNode container =
        (ObjectNode) deployment.at("/spec/template/spec/containers/0").deepCopy();
    assertThat(validate(deployment).errors()).isEmpty();

    ObjectNode misspelled = deployment.deepCopy();
    ((ObjectNode) misspelled.at("/spec/template/spec/containers/0"))
        .set("readinesProbe", container.get("readinessProbe"));
    assertThat(validate(misspelled).errors()).anyMatch(e -> e.contains("readinesProbe"));

    ObjectNode wrongType = deployment.deepCopy();
    ((ObjectNode) wrongType.at("/spec/template/spec")).put("terminationGracePeriodSeconds", "45");
    assertThat(validate(wrongType).errors()).isNotEmpty();

    ObjectNode missingRequired = deployment.deepCopy();
    ((ObjectNode) missingRequired.at("/spec")).remove("selector");
    assertThat(validate(missingRequired).errors()).anyMatch(e -> e.contains("selector"));

    ObjectNode unknownKind = deployment.deepCopy();
    unknownKind.put("kind", "Deploymnet");
    assertThat(validate(unknownKind).errors()).isNotEmpty();

    ObjectNode monitor = baseObject("ServiceMonitor", "triage");
    assertThat(validate(monitor).errors()).isEmpty();
    ((ObjectNode) monitor.get("spec")).remove("endpoints");
    assertThat(validate(monitor).errors()).anyMatch(e -> e.contains("endpoints"));

    ObjectNode cluster = baseObject("Cluster", "triage-db");
    assertThat(validate(cluster).errors()).isEmpty();
    ((ObjectNode) cluster.get("spec")).remove("storage");
    assertThat(validate(cluster).errors()).anyMatch(e -> e.contains("storage"));
  }

  @Test
  void rulesRejectLiteralSecretsAndAWeakSecurityPosture() throws IOException {
    List<ObjectNode> objects = new Kustomize().build(deploy.resolve("overlays/prod"));
    assertThat(new Rules(objects, true).check()).isEmpty();

    List<ObjectNode> leaking = copy(objects);
    ObjectNode env = (ObjectNode) find(leaking, "Deployment", "triage").at("/spec/template/spec");
    ArrayNode vars = (ArrayNode) env.at("/containers/0/env");
    for (JsonNode var : vars) {
      if (var.path("name").asText().equals("TRIAGE_DB_PASSWORD")) {
        ((ObjectNode) var).remove("valueFrom");
        ((ObjectNode) var).put("value", "hunter2");
      }
    }
    assertThat(new Rules(leaking, true).check()).anyMatch(e -> e.contains("TRIAGE_DB_PASSWORD"));

    List<ObjectNode> withSecret = copy(objects);
    ObjectNode secret = JsonNodeFactory.instance.objectNode();
    secret.put("apiVersion", "v1").put("kind", "Secret");
    secret.putObject("metadata").put("name", "triage-jwt");
    secret.putObject("stringData").put("private-key", "-----BEGIN PRIVATE KEY-----");
    withSecret.add(secret);
    assertThat(new Rules(withSecret, true).check()).anyMatch(e -> e.contains("Secret"));

    List<ObjectNode> weak = copy(objects);
    ObjectNode sc =
        (ObjectNode)
            find(weak, "Deployment", "triage")
                .at("/spec/template/spec/containers/0/securityContext");
    sc.put("readOnlyRootFilesystem", false).put("allowPrivilegeEscalation", true);
    assertThat(new Rules(weak, true).check())
        .anyMatch(e -> e.contains("readOnlyRootFilesystem"))
        .anyMatch(e -> e.contains("allowPrivilegeEscalation"));
  }

  @Test
  void kustomizeRefusesFeaturesOutsideTheCheckedSubset() throws IOException {
    Path dir = Files.createTempDirectory("kustomize-subset");
    try {
      Files.writeString(
          dir.resolve("kustomization.yaml"),
          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
              + "kind: Kustomization\n"
              + "namePrefix: x-\n"
              + "resources: []\n");
      try {
        new Kustomize().build(dir);
        fail("namePrefix must be refused");
      } catch (AssertionError e) {
        assertThat(e.getMessage()).contains("namePrefix");
      }
      Files.writeString(
          dir.resolve("kustomization.yaml"),
          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
              + "kind: Kustomization\n"
              + "resourcez: []\n");
      try {
        new Kustomize().build(dir);
        fail("an unknown kustomization field must be refused");
      } catch (AssertionError e) {
        assertThat(e.getMessage()).contains("resourcez");
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---- Grafana dashboard and container images ---------------------------------------------------

  @Test
  void grafanaDashboardChartsTheServiceMetrics() throws IOException {
    Path file = deploy.resolve("grafana/triage-dashboard.json");
    JsonNode dashboard = JSON.readTree(file.toFile());
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    StringBuilder exprs = new StringBuilder();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("targets").size())
          .as("queries of panel " + panel.path("title"))
          .isPositive();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(expr).as("query of panel " + panel.path("title")).isNotBlank();
        assertThat(balanced(expr)).as("brackets in " + expr).isTrue();
        exprs.append(expr).append('\n');
      }
    }
    assertThat(exprs.toString())
        .contains(
            "http_server_requests_seconds_count",
            "status=~\"5..\"",
            "histogram_quantile(0.99",
            "http_server_requests_seconds_bucket",
            "triage_commands_seconds_count",
            "outcome",
            "triage_tickets_open",
            "triage_sla_breaches_total",
            "triage_sla_warnings_total",
            "triage_outbox_lag_seconds",
            "triage_webhook_deliveries_total",
            "jvm_memory_used_bytes");

    List<ObjectNode> built = new Kustomize().build(deploy.resolve("overlays/prod"));
    ObjectNode map = find(built, "ConfigMap", "triage-grafana-dashboard");
    assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertEquals(
        Files.readString(file), map.at("/data/triage-dashboard.json").asText(), "shipped JSON");
  }

  @Test
  void containerImagesRunAsNonRootAndPackageTheProductionBuild() throws IOException {
    Path docker = root.resolve("src/docker");
    String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
    assertThat(lastInstruction(jvm, "FROM")).containsPattern(":2[5-9]");
    assertThat(jvm).contains("bootstrap/target/quarkus-app/");
    // The README's JVM settings, and an AOT cache written by the image's own JVM.
    assertThat(jvm).contains("bootstrap/src/main/jvm/jvm.options", "-XX:AOTCacheOutput=");
    assertThat(lastInstruction(jvm, "ENTRYPOINT"))
        .contains("@/deployments/jvm.options", "-XX:AOTCache=/deployments/app.aot");
    assertThat(Files.readString(root.resolve("README.md")))
        .contains("@bootstrap/src/main/jvm/jvm.options");
    assertThat(lastInstruction(jvm, "USER")).isEqualTo("185");

    String nativ = Files.readString(docker.resolve("Dockerfile.native"));
    List<String> froms = instructions(nativ, "FROM");
    assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
    assertThat(froms.get(0)).contains("mandrel");
    assertThat(nativ).contains("-Dproduction");
    assertThat(lastInstruction(nativ, "USER")).matches("[1-9][0-9]*(:[0-9]+)?");
  }

  // ---- validation of one object -----------------------------------------------------------------

  record Validation(List<String> errors, boolean typed, boolean schema, boolean crd) {}

  private static Validation validate(ObjectNode object) {
    List<String> errors = new ArrayList<>();
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    if (apiVersion.equals(CNPG_API) && kind.equals("Cluster")) {
      errors.addAll(checkCnpgCluster(object));
      return new Validation(errors, false, false, true);
    }
    boolean typed = false;
    try {
      KubernetesResource resource = TYPED.treeToValue(object, KubernetesResource.class);
      if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
        errors.add("no Kubernetes type is known for " + apiVersion + " " + kind);
      } else {
        errors.addAll(Typed.unknownFields(resource));
        typed = true;
      }
    } catch (IOException | IllegalArgumentException e) {
      errors.add("does not read as a Kubernetes object: " + firstLine(e.getMessage()));
    }
    String definition = schema.definitionFor(apiVersion, kind);
    boolean schemaChecked = false;
    if (definition == null) {
      errors.add("not in the Kubernetes OpenAPI schema: " + apiVersion + " " + kind);
    } else {
      schema.check(object, definition, "", errors);
      schemaChecked = true;
    }
    return new Validation(errors, typed, schemaChecked, false);
  }

  /**
   * CloudNativePG's Cluster is not in fabric8's models: its fields are checked against the parts of
   * the CRD (postgresql.cnpg.io/v1) these manifests use.
   */
  private static List<String> checkCnpgCluster(ObjectNode cluster) {
    List<String> errors = new ArrayList<>();
    Set<String> top = Set.of("apiVersion", "kind", "metadata", "spec");
    fieldNames(cluster).stream()
        .filter(f -> !top.contains(f))
        .forEach(f -> errors.add("unknown field " + f));
    JsonNode spec = cluster.path("spec");
    if (!spec.isObject()) {
      errors.add("spec is required");
      return errors;
    }
    Set<String> known =
        Set.of(
            "instances",
            "imageName",
            "primaryUpdateStrategy",
            "enableSuperuserAccess",
            "bootstrap",
            "postgresql",
            "storage",
            "walStorage",
            "resources",
            "affinity",
            "monitoring",
            "backup",
            "description");
    fieldNames(spec).stream()
        .filter(f -> !known.contains(f))
        .forEach(f -> errors.add("unknown or unchecked field spec." + f));
    if (!spec.path("instances").isIntegralNumber() || spec.path("instances").asInt() < 1) {
      errors.add("spec.instances must be an integer >= 1");
    }
    if (!spec.path("storage").path("size").isTextual()
        || !spec.path("storage").path("size").asText().matches("[0-9]+(Mi|Gi|Ti)")) {
      errors.add("spec.storage.size is required (a quantity such as 10Gi)");
    }
    JsonNode initdb = spec.path("bootstrap").path("initdb");
    if (!initdb.path("database").isTextual() || !initdb.path("owner").isTextual()) {
      errors.add("spec.bootstrap.initdb.database and .owner are required");
    }
    if (spec.has("primaryUpdateStrategy")
        && !Set.of("unsupervised", "supervised")
            .contains(spec.path("primaryUpdateStrategy").asText())) {
      errors.add("spec.primaryUpdateStrategy must be unsupervised or supervised");
    }
    for (Map.Entry<String, JsonNode> p : spec.path("postgresql").path("parameters").properties()) {
      if (!p.getValue().isTextual()) {
        errors.add("spec.postgresql.parameters." + p.getKey() + " must be a string");
      }
    }
    JsonNode affinity = spec.path("affinity");
    if (affinity.has("podAntiAffinityType")
        && !Set.of("preferred", "required")
            .contains(affinity.path("podAntiAffinityType").asText())) {
      errors.add("spec.affinity.podAntiAffinityType must be preferred or required");
    }
    if (spec.has("resources")) {
      schema.check(
          spec.get("resources"),
          "io.k8s.api.core.v1.ResourceRequirements",
          "spec.resources",
          errors);
    }
    return errors;
  }

  private static List<String> checkMetadata(ObjectNode object) {
    List<String> errors = new ArrayList<>();
    JsonNode meta = object.path("metadata");
    String name = meta.path("name").asText("");
    if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
        || name.length() > 63) {
      errors.add("metadata.name '" + name + "' is not a valid DNS-1123 name");
    }
    for (String field : List.of("labels", "annotations")) {
      for (Map.Entry<String, JsonNode> e : meta.path(field).properties()) {
        if (!e.getValue().isTextual()) {
          errors.add("metadata." + field + "." + e.getKey() + " must be a string");
        } else if (field.equals("labels")
            && !e.getValue().asText().matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?")) {
          errors.add("label value '" + e.getValue().asText() + "' is not valid");
        }
      }
    }
    return errors;
  }

  // ---- the operating rules across the objects of one build --------------------------------------

  /** Checks across objects: references resolve, the security posture holds, nothing leaks. */
  static final class Rules {
    private final List<ObjectNode> objects;
    private final boolean overlay;
    private final List<String> errors = new ArrayList<>();

    Rules(List<ObjectNode> objects, boolean overlay) {
      this.objects = objects;
      this.overlay = overlay;
    }

    List<String> check() {
      noLiteralSecrets();
      List<ObjectNode> deployments = ofKind("Deployment");
      if (deployments.size() != 1) {
        errors.add("expected one Deployment, found " + deployments.size());
        return errors;
      }
      ObjectNode deployment = deployments.get(0);
      JsonNode pod = deployment.at("/spec/template");
      Map<String, String> podLabels = strings(pod.at("/metadata/labels"));
      if (!matches(deployment.at("/spec/selector/matchLabels"), podLabels)) {
        errors.add("the Deployment's selector does not match its pod labels");
      }
      podSecurity(pod.path("spec"));
      containers(pod.path("spec"));
      services(podLabels, pod.path("spec"));
      autoscaling(deployment, podLabels);
      networkPolicies(podLabels);
      monitoring();
      database(deployment);
      settings();
      return errors;
    }

    private void noLiteralSecrets() {
      for (ObjectNode o : objects) {
        String id = id(o);
        if (o.path("kind").asText().equals("Secret")
            && (o.path("data").size() > 0 || o.path("stringData").size() > 0)) {
          errors.add(id + ": a Secret with literal values; reference Secrets created out of band");
        }
        if (o.path("kind").asText().equals("ConfigMap")) {
          for (String key : fieldNames(o.path("data"))) {
            if (SECRET_NAME.matcher(key).matches()) {
              errors.add(id + ": ConfigMap key " + key + " looks like a secret");
            }
          }
        }
        walkStrings(
            o,
            "",
            (path, value) -> {
              if (value.contains("-----BEGIN")
                  || value.matches("(?s).*://[^/\\s:@]+:[^/\\s@]+@.*")) {
                errors.add(id + ": " + path + " holds a key or a credential");
              }
            });
        for (JsonNode var : o.findValues("env")) {
          for (JsonNode e : var) {
            String name = e.path("name").asText();
            if (e.has("value") && SECRET_NAME.matcher(name).matches()) {
              errors.add(id + ": env " + name + " has a literal value; use a secretKeyRef");
            }
          }
        }
      }
    }

    private void podSecurity(JsonNode spec) {
      JsonNode sc = spec.path("securityContext");
      require(sc.path("runAsNonRoot").asBoolean(false), "pod securityContext.runAsNonRoot: true");
      require(
          sc.path("runAsUser").asInt(0) > 0, "pod securityContext.runAsUser: a non-zero user id");
      require(
          sc.at("/seccompProfile/type").asText().equals("RuntimeDefault"),
          "pod securityContext.seccompProfile.type: RuntimeDefault");
      require(
          !spec.path("automountServiceAccountToken").asBoolean(true),
          "automountServiceAccountToken: false");
      require(spec.at("/affinity/podAntiAffinity").size() > 0, "a podAntiAffinity across nodes");
      String topology =
          spec.at(
                  "/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/topologyKey")
              .asText(
                  spec.at(
                          "/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey")
                      .asText());
      require(topology.equals("kubernetes.io/hostname"), "anti-affinity on kubernetes.io/hostname");
      for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) {
        require(!spec.path(f).asBoolean(false), f + " off");
      }
    }

    private void containers(JsonNode spec) {
      ArrayNode containers = (ArrayNode) spec.path("containers");
      Map<String, JsonNode> volumes = new LinkedHashMap<>();
      spec.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
      Set<String> configMaps = names("ConfigMap");
      Set<String> secrets = new TreeSet<>(EXTERNAL_SECRETS);
      ofKind("Cluster").forEach(c -> secrets.add(c.at("/metadata/name").asText() + "-app"));
      for (JsonNode c : containers) {
        String name = "container " + c.path("name").asText();
        JsonNode sc = c.path("securityContext");
        require(
            !sc.path("allowPrivilegeEscalation").asBoolean(true),
            name + ": allowPrivilegeEscalation: false");
        require(
            sc.path("readOnlyRootFilesystem").asBoolean(false),
            name + ": readOnlyRootFilesystem: true");
        require(!sc.path("privileged").asBoolean(false), name + ": not privileged");
        require(
            sc.path("runAsNonRoot").asBoolean(spec.at("/securityContext/runAsNonRoot").asBoolean()),
            name + ": runAsNonRoot");
        require(
            sc.at("/capabilities/drop").toString().contains("\"ALL\""),
            name + ": capabilities.drop [ALL]");
        require(sc.at("/capabilities/add").isMissingNode(), name + ": no added capabilities");
        for (String r : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
          require(
              !c.at("/resources/" + r).isMissingNode(),
              name + ": resources." + r.replace('/', '.'));
        }
        Set<String> portNames = new HashSet<>();
        c.path("ports").forEach(p -> portNames.add(p.path("name").asText()));
        require(
            c.path("ports").toString().contains("\"containerPort\":8080")
                && portNames.contains("http"),
            name + ": port 8080 named http");
        require(
            c.path("ports").toString().contains("\"containerPort\":9000")
                && portNames.contains("management"),
            name + ": port 9000 named management (health and metrics)");
        Map<String, String> probes =
            Map.of(
                "startupProbe", "/q/health/",
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach(
            (probe, path) -> {
              JsonNode get = c.path(probe).path("httpGet");
              require(
                  get.path("path").asText().startsWith(path),
                  name + ": " + probe + " on " + path + "*");
              require(
                  get.path("port").asText().equals("management")
                      || get.path("port").asInt() == 9000,
                  name + ": " + probe + " on the management port");
            });
        if (overlay) {
          String image = c.path("image").asText();
          require(
              image.contains("/")
                  && image.matches(".*(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$")
                  && !image.endsWith(":latest"),
              name + ": image pinned to a registry, a tag (not latest) or a digest, was " + image);
        }
        boolean tmp = false;
        for (JsonNode m : c.path("volumeMounts")) {
          JsonNode v = volumes.get(m.path("name").asText());
          require(v != null, name + ": volume " + m.path("name").asText() + " is declared");
          if (m.path("mountPath").asText().equals("/tmp") && v != null && v.has("emptyDir")) {
            tmp = true;
          }
        }
        require(tmp, name + ": /tmp is an emptyDir");
        Set<String> env = new HashSet<>();
        for (JsonNode e : c.path("env")) {
          env.add(e.path("name").asText());
          JsonNode ref = e.at("/valueFrom/secretKeyRef");
          if (!ref.isMissingNode()) {
            require(
                secrets.contains(ref.path("name").asText()),
                name
                    + ": env "
                    + e.path("name").asText()
                    + " reads Secret "
                    + ref.path("name").asText()
                    + ", which is neither a CloudNativePG app secret nor one of "
                    + EXTERNAL_SECRETS);
          }
          JsonNode cmRef = e.at("/valueFrom/configMapKeyRef");
          if (!cmRef.isMissingNode()) {
            require(
                configMaps.contains(cmRef.path("name").asText()),
                name + ": ConfigMap " + cmRef.path("name").asText() + " exists");
          }
        }
        for (JsonNode from : c.path("envFrom")) {
          if (from.has("configMapRef")) {
            String cm = from.at("/configMapRef/name").asText();
            require(configMaps.contains(cm), name + ": envFrom ConfigMap " + cm + " exists");
            find(objects, "ConfigMap", cm).path("data").fieldNames().forEachRemaining(env::add);
          }
          require(!from.has("secretRef"), name + ": no envFrom secretRef (name each secret value)");
        }
        for (String required : REQUIRED_ENV) {
          require(env.contains(required), name + ": environment variable " + required);
        }
        for (JsonNode e : c.path("env")) {
          if (e.path("name").asText().equals("TRIAGE_DB_URL")) {
            require(
                e.path("value").asText().matches("postgresql://[^/@]+/[^/@]+"),
                name + ": TRIAGE_DB_URL is postgresql://host:port/db without credentials");
          }
        }
        gracePeriod(spec, c);
      }
    }

    /** The settings a production deployment needs, whatever the overlay. */
    private void settings() {
      Map<String, String> data = new LinkedHashMap<>();
      for (ObjectNode cm : ofKind("ConfigMap")) {
        cm.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
      }
      require(
          !data.getOrDefault("TRIAGE_HTTP_TRUSTED_PROXIES", "").isBlank(),
          "TRIAGE_HTTP_TRUSTED_PROXIES is set: behind an ingress, per-address limits need it");
      require(
          "false".equals(data.get("TRIAGE_API_DOCS_ENABLED")),
          "TRIAGE_API_DOCS_ENABLED=false: no OpenAPI document or Swagger UI in production");
      require(
          data.getOrDefault("TRIAGE_DB_SSLMODE", "").matches("require|verify-ca|verify-full"),
          "TRIAGE_DB_SSLMODE is require, verify-ca or verify-full: TLS to PostgreSQL");
    }

    private void gracePeriod(JsonNode spec, JsonNode container) {
      long grace = spec.path("terminationGracePeriodSeconds").asLong(30);
      long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
      long shutdown = 0;
      for (ObjectNode cm : ofKind("ConfigMap")) {
        JsonNode t = cm.at("/data/QUARKUS_SHUTDOWN_TIMEOUT");
        if (!t.isMissingNode()) {
          shutdown = Duration.parse("PT" + t.asText().toUpperCase(Locale.ROOT)).toSeconds();
        }
      }
      require(shutdown > 0, "QUARKUS_SHUTDOWN_TIMEOUT is set in the ConfigMap");
      require(
          grace > preStop + shutdown,
          "terminationGracePeriodSeconds ("
              + grace
              + ") above preStop sleep ("
              + preStop
              + ") + shutdown grace ("
              + shutdown
              + ")");
    }

    private void services(Map<String, String> podLabels, JsonNode podSpec) {
      List<ObjectNode> services = ofKind("Service");
      require(services.size() == 1, "one Service");
      for (ObjectNode s : services) {
        require(matches(s.at("/spec/selector"), podLabels), "the Service selects the Triage pods");
        boolean http = false;
        for (JsonNode p : s.at("/spec/ports")) {
          http |= p.path("port").asInt() == 8080 && p.path("name").asText().equals("http");
        }
        require(http, "the Service exposes port 8080 named http");
        boolean management = false;
        for (JsonNode p : s.at("/spec/ports")) {
          management |=
              p.path("port").asInt() == 9000 && p.path("name").asText().equals("management");
        }
        require(management, "the Service exposes port 9000 named management, for the scrape");
      }
    }

    private void autoscaling(ObjectNode deployment, Map<String, String> podLabels) {
      List<ObjectNode> hpas = ofKind("HorizontalPodAutoscaler");
      require(hpas.size() == 1, "one HorizontalPodAutoscaler");
      for (ObjectNode h : hpas) {
        require(h.path("apiVersion").asText().equals("autoscaling/v2"), "HPA in autoscaling/v2");
        JsonNode ref = h.at("/spec/scaleTargetRef");
        require(
            ref.path("kind").asText().equals("Deployment")
                && ref.path("name").asText().equals(deployment.at("/metadata/name").asText()),
            "the HPA scales the Deployment");
        int min = h.at("/spec/minReplicas").asInt(1);
        int max = h.at("/spec/maxReplicas").asInt();
        require(min >= 1 && min <= max, "HPA bounds 1 <= min (" + min + ") <= max (" + max + ")");
      }
      require(
          deployment.at("/spec/replicas").isMissingNode(),
          "the Deployment leaves spec.replicas to the HPA");
      List<ObjectNode> pdbs = ofKind("PodDisruptionBudget");
      require(pdbs.size() == 1, "one PodDisruptionBudget");
      for (ObjectNode p : pdbs) {
        require(matches(p.at("/spec/selector/matchLabels"), podLabels), "the PDB selects the pods");
      }
    }

    private void networkPolicies(Map<String, String> podLabels) {
      ObjectNode np = null;
      for (ObjectNode p : ofKind("NetworkPolicy")) {
        if (matches(p.at("/spec/podSelector/matchLabels"), podLabels)) {
          np = p;
        }
      }
      if (np == null) {
        errors.add("no NetworkPolicy selects the Triage pods");
        return;
      }
      String types = np.at("/spec/policyTypes").toString();
      require(
          types.contains("Ingress") && types.contains("Egress"),
          "NetworkPolicy restricts both ways");
      String ingress = np.at("/spec/ingress").toString();
      require(
          ingress.contains("\"port\":\"http\"") || ingress.contains("\"port\":8080"),
          "ingress on 8080");
      String egress = np.at("/spec/egress").toString();
      require(egress.contains("\"port\":5432"), "egress to PostgreSQL 5432");
      require(egress.contains("\"port\":53,\"protocol\":\"UDP\""), "egress to DNS (53/UDP)");
      require(
          egress.contains("\"cidr\":\"0.0.0.0/0\"") && egress.contains("\"10.0.0.0/8\""),
          "egress for webhooks to public addresses, private ranges excepted");
      for (ObjectNode c : ofKind("Cluster")) {
        require(
            egress.contains("\"cnpg.io/cluster\":\"" + c.at("/metadata/name").asText() + "\""),
            "egress names the database pods of Cluster " + c.at("/metadata/name").asText());
      }
    }

    private void monitoring() {
      List<ObjectNode> monitors = ofKind("ServiceMonitor");
      require(monitors.size() == 1, "one ServiceMonitor");
      for (ObjectNode m : monitors) {
        boolean selects = false;
        for (ObjectNode s : ofKind("Service")) {
          selects |= matches(m.at("/spec/selector/matchLabels"), strings(s.at("/metadata/labels")));
        }
        require(selects, "the ServiceMonitor selects the Service");
        JsonNode ep = m.at("/spec/endpoints/0");
        require(
            ep.path("port").asText().equals("management"),
            "ServiceMonitor scrapes port management");
        require(ep.path("path").asText().equals("/q/metrics"), "ServiceMonitor path /q/metrics");
      }
      List<ObjectNode> rules = ofKind("PrometheusRule");
      require(rules.size() == 1, "one PrometheusRule");
      StringBuilder all = new StringBuilder();
      for (ObjectNode r : rules) {
        for (JsonNode group : r.at("/spec/groups")) {
          for (JsonNode rule : group.path("rules")) {
            String expr = rule.path("expr").asText();
            require(balanced(expr), "balanced brackets in " + expr);
            if (rule.has("alert")) {
              require(
                  rule.at("/labels/severity").asText().matches("warning|critical"),
                  "alert " + rule.path("alert").asText() + " has a severity");
              require(
                  rule.at("/annotations/summary").isTextual(),
                  "alert " + rule.path("alert").asText() + " has a summary");
            }
            all.append(expr).append('\n');
          }
        }
      }
      for (String needed :
          List.of(
              "triage_sla_breaches_total",
              "triage_outbox_lag_seconds",
              "status=~\"5..\"",
              "histogram_quantile(0.99",
              "http_server_requests_seconds_bucket")) {
        require(all.toString().contains(needed), "an alert or rule on " + needed);
      }
    }

    private void database(ObjectNode deployment) {
      List<ObjectNode> clusters = ofKind("Cluster");
      require(clusters.size() == 1, "one CloudNativePG Cluster");
      if (clusters.size() != 1) {
        return;
      }
      ObjectNode cluster = clusters.get(0);
      String app = cluster.at("/metadata/name").asText() + "-app";
      String env = deployment.at("/spec/template/spec/containers/0/env").toString();
      require(env.contains("\"name\":\"" + app + "\""), "the Deployment reads the Secret " + app);
      int maxConnections =
          Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText("100"));
      int pool = 20;
      for (ObjectNode cm : ofKind("ConfigMap")) {
        JsonNode p = cm.at("/data/TRIAGE_DB_POOL_SIZE");
        if (!p.isMissingNode()) {
          pool = Integer.parseInt(p.asText());
        }
      }
      for (ObjectNode h : ofKind("HorizontalPodAutoscaler")) {
        int max = h.at("/spec/maxReplicas").asInt();
        int needed = max * (pool + 2) + 10;
        require(
            needed <= maxConnections,
            "max_connections ("
                + maxConnections
                + ") fits the HPA maximum x pool: "
                + max
                + " x ("
                + pool
                + " + 2) + 10 reserved = "
                + needed);
      }
    }

    private void require(boolean ok, String what) {
      if (!ok) {
        errors.add("required: " + what);
      }
    }

    private List<ObjectNode> ofKind(String kind) {
      return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private Set<String> names(String kind) {
      Set<String> names = new HashSet<>();
      ofKind(kind).forEach(o -> names.add(o.at("/metadata/name").asText()));
      return names;
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
      Map<String, String> wanted = strings(selector);
      return !wanted.isEmpty()
          && wanted.entrySet().stream()
              .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
  }

  // ---- strict typed reading ------------------------------------------------------------------

  /**
   * Walks a fabric8 object: every field its type does not declare lands in additionalProperties.
   */
  static final class Typed {
    static List<String> unknownFields(Object resource) {
      List<String> errors = new ArrayList<>();
      walk(resource, "", errors);
      return errors;
    }

    private static void walk(Object o, String path, List<String> errors) {
      if (o == null) {
        return;
      }
      if (o instanceof Map<?, ?> map) {
        map.forEach((k, v) -> walk(v, path + "." + k, errors));
        return;
      }
      if (o instanceof Collection<?> list) {
        int i = 0;
        for (Object v : list) {
          walk(v, path + "[" + i++ + "]", errors);
        }
        return;
      }
      if (!o.getClass().getName().startsWith("io.fabric8.")) {
        return;
      }
      for (Method m : o.getClass().getMethods()) {
        if (m.getParameterCount() != 0) {
          continue;
        }
        try {
          if (m.getName().equals("getAdditionalProperties")) {
            Object extra = m.invoke(o);
            if (extra instanceof Map<?, ?> map && !map.isEmpty()) {
              errors.add(
                  (path.isEmpty() ? "" : path.substring(1) + ": ")
                      + "unknown field(s) "
                      + new TreeSet<>(map.keySet().stream().map(String::valueOf).toList()));
            }
          } else if (m.isAnnotationPresent(JsonProperty.class)) {
            walk(m.invoke(o), path + "." + m.getAnnotation(JsonProperty.class).value(), errors);
          }
        } catch (IllegalAccessException | InvocationTargetException e) {
          errors.add(path + ": cannot read " + m.getName() + ": " + e);
        }
      }
    }
  }

  // ---- the Kubernetes OpenAPI schema
  // -------------------------------------------------------------

  /**
   * The Kubernetes (and Prometheus Operator) OpenAPI definitions that fabric8 ships in
   * kubernetes-model-validator, applied strictly: unknown fields, wrong types and missing required
   * fields are errors.
   */
  static final class Schema {
    private static final String RESOURCE = "/openshift-generated.json";
    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private final JsonNode definitions;

    private Schema(JsonNode definitions) {
      this.definitions = definitions;
    }

    static Schema load() throws IOException {
      try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
        assertThat(in).as(RESOURCE + " from io.fabric8:kubernetes-model-validator").isNotNull();
        return new Schema(JSON.readTree(in).path("definitions"));
      }
    }

    /** The definition name for an apiVersion and kind, or null when the schema has none. */
    String definitionFor(String apiVersion, String kind) {
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      List<String> candidates = new ArrayList<>();
      if (group.isEmpty()) {
        candidates.add("io.k8s.api.core." + version + "." + kind);
      } else if (!group.contains(".")) {
        candidates.add("io.k8s.api." + group + "." + version + "." + kind);
      } else {
        if (group.endsWith(".k8s.io")) {
          candidates.add(
              "io.k8s.api." + group.substring(0, group.indexOf('.')) + "." + version + "." + kind);
        }
        List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
        Collections.reverse(parts);
        candidates.add(String.join(".", parts) + "." + version + "." + kind);
      }
      for (String c : candidates) {
        JsonNode d = definitions.get(c);
        if (d != null && kind.equals(d.at("/x-fabric8-info/Kind").asText(kind))) {
          return c;
        }
      }
      return null;
    }

    boolean namespaced(String apiVersion, String kind) {
      String d = definitionFor(apiVersion, kind);
      return d == null
          || !definitions.get(d).at("/x-fabric8-info/Scope").asText().equals("Clustered");
    }

    void check(JsonNode node, String definition, String path, List<String> errors) {
      checkAgainst(node, definitions.get(definition), definition, path, errors);
    }

    private void checkAgainst(
        JsonNode node, JsonNode schemaNode, String ref, String path, List<String> errors) {
      if (schemaNode == null) {
        errors.add(path + ": no schema " + ref);
        return;
      }
      if (schemaNode.has("$ref")) {
        String name = schemaNode.get("$ref").asText().replace("#/definitions/", "");
        checkAgainst(node, definitions.get(name), name, path, errors);
        return;
      }
      String where = path.isEmpty() ? "(root)" : path;
      if (node.isNull()) {
        errors.add(where + ": empty value");
        return;
      }
      if (INT_OR_STRING.equals(ref) || QUANTITY.equals(ref)) {
        if (!node.isTextual() && !node.isNumber()) {
          errors.add(where + ": expected a number or a string");
        }
        return;
      }
      switch (schemaNode.path("type").asText("")) {
        case "object" -> checkObject(node, schemaNode, path, where, errors);
        case "array" -> {
          if (!node.isArray()) {
            errors.add(where + ": expected a list");
            return;
          }
          for (int i = 0; i < node.size(); i++) {
            checkAgainst(node.get(i), schemaNode.path("items"), "", path + "[" + i + "]", errors);
          }
        }
        case "string" -> {
          if (!node.isTextual()) {
            errors.add(where + ": expected a string, got " + node.getNodeType());
          }
        }
        case "integer" -> {
          if (!node.isIntegralNumber()) {
            errors.add(where + ": expected an integer, got " + node.getNodeType());
          }
        }
        case "number" -> {
          if (!node.isNumber()) {
            errors.add(where + ": expected a number, got " + node.getNodeType());
          }
        }
        case "boolean" -> {
          if (!node.isBoolean()) {
            errors.add(where + ": expected true or false, got " + node.getNodeType());
          }
        }
        default -> {
          // no type: free-form
        }
      }
    }

    private void checkObject(
        JsonNode node, JsonNode schemaNode, String path, String where, List<String> errors) {
      if (!node.isObject()) {
        errors.add(where + ": expected a mapping, got " + node.getNodeType());
        return;
      }
      JsonNode properties = schemaNode.path("properties");
      JsonNode additional = schemaNode.path("additionalProperties");
      for (JsonNode required : schemaNode.path("required")) {
        if (!node.has(required.asText())) {
          errors.add(where + ": missing required field " + required.asText());
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (properties.has(field.getKey())) {
          checkAgainst(field.getValue(), properties.get(field.getKey()), "", child, errors);
        } else if (additional.isObject()) {
          checkAgainst(field.getValue(), additional, "", child, errors);
        } else if (properties.size() > 0) {
          errors.add(child + ": unknown field");
        }
      }
    }
  }

  // ---- kustomize, the subset these manifests use ----------------------------------------------

  /**
   * Builds a kustomization directory the way {@code kustomize build} does, for these features only:
   * {@code resources} (files under the directory, and other kustomization directories), {@code
   * configMapGenerator} ({@code files}, with {@code options.disableNameSuffixHash: true}, {@code
   * labels}, {@code annotations}), {@code patches} (strategic-merge patch files by {@code path}),
   * {@code namespace}, {@code labels} ({@code pairs}, {@code includeTemplates}, without selectors)
   * and {@code images}. Transformers run in kustomize's order: patches, namespace, labels, images.
   * Anything else in a kustomization fails the build.
   */
  static final class Kustomize {
    private static final Set<String> FIELDS =
        Set.of(
            "apiVersion",
            "kind",
            "resources",
            "configMapGenerator",
            "patches",
            "namespace",
            "labels",
            "images");

    /** Lists merged by key in strategic-merge patches; other lists in a patch must be new. */
    private static final Map<String, String> MERGE_KEYS =
        Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    List<ObjectNode> build(Path dir) throws IOException {
      Path file = dir.resolve("kustomization.yaml");
      assertTrue(Files.isRegularFile(file), () -> "missing " + rel(file));
      List<JsonNode> docs = readYamlDocuments(file);
      assertEquals(1, docs.size(), rel(file) + " holds one document");
      JsonNode k = docs.get(0);
      String where = rel(file);

      Kustomization typed;
      try {
        typed = TYPED.treeToValue(k, Kustomization.class);
      } catch (IOException e) {
        throw new AssertionError(where + ": " + firstLine(e.getMessage()), e);
      }
      List<String> unknown = Typed.unknownFields(typed);
      assertThat(unknown).as(where + ": fields kustomize does not know").isEmpty();
      assertEquals("kustomize.config.k8s.io/v1beta1", k.path("apiVersion").asText(), where);
      assertEquals("Kustomization", k.path("kind").asText(), where);
      for (String f : fieldNames(k)) {
        if (!FIELDS.contains(f)) {
          throw new AssertionError(
              where + ": kustomize field '" + f + "' is outside the subset checked offline");
        }
      }

      List<ObjectNode> out = new ArrayList<>();
      for (JsonNode r : k.path("resources")) {
        String entry = r.asText();
        assertThat(entry)
            .as(where + ": remote resources are not built offline")
            .doesNotContain("://");
        Path p = dir.resolve(entry).normalize();
        if (Files.isDirectory(p)) {
          out.addAll(build(p));
        } else {
          assertTrue(p.startsWith(dir), where + ": file " + entry + " is outside " + rel(dir));
          assertTrue(Files.isRegularFile(p), where + ": missing resource " + entry);
          for (JsonNode doc : readYamlDocuments(p)) {
            assertTrue(doc.isObject(), rel(p) + ": an object");
            out.add((ObjectNode) doc);
          }
        }
      }
      for (JsonNode g : k.path("configMapGenerator")) {
        out.add(configMap(dir, g, where));
      }
      for (JsonNode patch : k.path("patches")) {
        assertThat(fieldNames(patch)).as(where + ": patches use path only").containsExactly("path");
        Path p = dir.resolve(patch.path("path").asText()).normalize();
        assertTrue(p.startsWith(dir) && Files.isRegularFile(p), where + ": patch file " + p);
        List<JsonNode> patchDocs = readYamlDocuments(p);
        assertEquals(1, patchDocs.size(), rel(p) + " holds one patch");
        applyPatch(out, (ObjectNode) patchDocs.get(0), rel(p));
      }
      if (k.hasNonNull("namespace")) {
        String ns = k.get("namespace").asText();
        for (ObjectNode o : out) {
          String apiVersion = o.path("apiVersion").asText();
          String kind = o.path("kind").asText();
          if (kind.equals("Namespace")) {
            assertEquals(
                ns, o.at("/metadata/name").asText(), where + ": the Namespace object's name");
          } else if (schema.namespaced(apiVersion, kind)) {
            metadata(o).put("namespace", ns);
          }
        }
      }
      for (JsonNode label : k.path("labels")) {
        assertThat(fieldNames(label))
            .as(where + ": labels fields")
            .isSubsetOf("pairs", "includeSelectors", "includeTemplates");
        assertThat(label.path("includeSelectors").asBoolean(false))
            .as(where + ": labels.includeSelectors is not supported offline")
            .isFalse();
        boolean templates = label.path("includeTemplates").asBoolean(false);
        for (ObjectNode o : out) {
          putAll(metadata(o), "labels", label.path("pairs"));
          if (templates && isWorkload(o) && o.at("/spec/template").isObject()) {
            ObjectNode tm = object((ObjectNode) o.at("/spec/template"), "metadata");
            putAll(tm, "labels", label.path("pairs"));
          }
        }
      }
      for (JsonNode image : k.path("images")) {
        assertThat(fieldNames(image))
            .as(where + ": images fields")
            .isSubsetOf("name", "newName", "newTag", "digest");
        for (ObjectNode o : out) {
          for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : o.at("/spec/template/spec/" + list)) {
              ((ObjectNode) c).put("image", retag(c.path("image").asText(), image));
            }
          }
        }
      }
      Set<String> ids = new HashSet<>();
      for (ObjectNode o : out) {
        assertTrue(
            ids.add(id(o) + "@" + o.at("/metadata/namespace").asText()),
            where + ": duplicate " + id(o));
      }
      return out;
    }

    private static ObjectNode configMap(Path dir, JsonNode g, String where) throws IOException {
      assertThat(fieldNames(g))
          .as(where + ": configMapGenerator fields")
          .isSubsetOf("name", "files", "options");
      JsonNode options = g.path("options");
      assertThat(fieldNames(options))
          .as(where + ": configMapGenerator options")
          .isSubsetOf("disableNameSuffixHash", "labels", "annotations");
      assertTrue(
          options.path("disableNameSuffixHash").asBoolean(false),
          where + ": generated names with a hash suffix are not built offline");
      ObjectNode cm = JsonNodeFactory.instance.objectNode();
      cm.put("apiVersion", "v1");
      cm.put("kind", "ConfigMap");
      ObjectNode meta = cm.putObject("metadata");
      meta.put("name", g.path("name").asText());
      if (options.has("annotations")) {
        meta.set("annotations", options.get("annotations").deepCopy());
      }
      if (options.has("labels")) {
        meta.set("labels", options.get("labels").deepCopy());
      }
      ObjectNode data = cm.putObject("data");
      for (JsonNode f : g.path("files")) {
        String spec = f.asText();
        String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : null;
        Path p = dir.resolve(spec.substring(spec.indexOf('=') + 1)).normalize();
        assertTrue(p.startsWith(dir) && Files.isRegularFile(p), where + ": generator file " + spec);
        data.put(
            key != null ? key : p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8));
      }
      return cm;
    }

    private static void applyPatch(List<ObjectNode> objects, ObjectNode patch, String where) {
      String kind = patch.path("kind").asText();
      String name = patch.at("/metadata/name").asText();
      String group = group(patch.path("apiVersion").asText());
      List<ObjectNode> targets =
          objects.stream()
              .filter(o -> o.path("kind").asText().equals(kind))
              .filter(o -> o.at("/metadata/name").asText().equals(name))
              .filter(o -> group(o.path("apiVersion").asText()).equals(group))
              .toList();
      assertEquals(1, targets.size(), where + ": patch target " + kind + "/" + name);
      ObjectNode copy = patch.deepCopy();
      copy.remove("apiVersion");
      copy.remove("kind");
      ObjectNode meta = (ObjectNode) copy.path("metadata");
      meta.remove("name");
      if (meta.isEmpty()) {
        copy.remove("metadata");
      }
      merge(targets.get(0), copy, where);
    }

    private static void merge(ObjectNode base, ObjectNode patch, String where) {
      for (Map.Entry<String, JsonNode> e : patch.properties()) {
        String key = e.getKey();
        JsonNode value = e.getValue();
        JsonNode current = base.get(key);
        assertThat(key)
            .as(where + ": patch directives are not supported offline")
            .doesNotStartWith("$");
        if (value.isNull()) {
          base.remove(key);
        } else if (value.isObject() && current != null && current.isObject()) {
          merge((ObjectNode) current, (ObjectNode) value, where);
        } else if (value.isArray() && current != null && current.isArray()) {
          String mergeKey = MERGE_KEYS.get(key);
          assertThat(mergeKey)
              .as(where + ": list '" + key + "' would need a merge strategy not built offline")
              .isNotNull();
          for (JsonNode item : value) {
            ObjectNode match = null;
            for (JsonNode existing : current) {
              if (existing.path(mergeKey).equals(item.path(mergeKey))) {
                match = (ObjectNode) existing;
              }
            }
            if (match != null) {
              merge(match, (ObjectNode) item, where);
            } else {
              ((ArrayNode) current).add(item.deepCopy());
            }
          }
        } else {
          base.set(key, value.deepCopy());
        }
      }
    }

    private static String retag(String image, JsonNode rule) {
      String name = image;
      String digest = null;
      String tag = null;
      if (name.contains("@")) {
        digest = name.substring(name.indexOf('@') + 1);
        name = name.substring(0, name.indexOf('@'));
      }
      int colon = name.lastIndexOf(':');
      if (colon > name.lastIndexOf('/')) {
        tag = name.substring(colon + 1);
        name = name.substring(0, colon);
      }
      if (!name.equals(rule.path("name").asText())) {
        return image;
      }
      name = rule.path("newName").asText(name);
      if (rule.has("newTag")) {
        tag = rule.get("newTag").asText();
        digest = null;
      }
      if (rule.has("digest")) {
        digest = rule.get("digest").asText();
        tag = null;
      }
      return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static boolean isWorkload(JsonNode o) {
      return Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job")
          .contains(o.path("kind").asText());
    }

    private static String group(String apiVersion) {
      return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static ObjectNode metadata(ObjectNode o) {
      return object(o, "metadata");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
      JsonNode n = parent.get(field);
      if (n == null || !n.isObject()) {
        return parent.putObject(field);
      }
      return (ObjectNode) n;
    }

    private static void putAll(ObjectNode meta, String field, JsonNode pairs) {
      ObjectNode target = object(meta, field);
      pairs.properties().forEach(e -> target.set(e.getKey(), e.getValue().deepCopy()));
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static Path repositoryRoot() {
    String configured = System.getProperty("triage.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("bootstrap"))) {
        return p;
      }
    }
    throw new AssertionError("cannot find the repository root (with mvnw) above " + dir);
  }

  private static List<JsonNode> readYamlDocuments(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static ObjectNode baseObject(String kind, String name) throws IOException {
    List<ObjectNode> base = new Kustomize().build(deploy.resolve("base"));
    return find(base, kind, name).deepCopy();
  }

  private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(o -> o.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static List<ObjectNode> copy(List<ObjectNode> objects) {
    return new ArrayList<>(objects.stream().map(ObjectNode::deepCopy).toList());
  }

  private static void writeBuilt(Path dir, List<ObjectNode> objects) throws IOException {
    Path out = Path.of("target", "deploy");
    Files.createDirectories(out);
    StringBuilder yaml = new StringBuilder();
    List<ObjectNode> sorted = new ArrayList<>(objects);
    sorted.sort(Comparator.comparingInt(ManifestsTest::kindOrder).thenComparing(ManifestsTest::id));
    for (ObjectNode o : sorted) {
      yaml.append("---\n").append(YAML_OUT.writeValueAsString(o));
    }
    String name = deploy.relativize(dir).toString().replace('/', '-').replace('\\', '-');
    Path file = out.resolve(name + ".yaml");
    Files.writeString(file, yaml.toString());
    // What is written must read back as exactly what was checked.
    assertEquals(new HashSet<>(sorted), new HashSet<>(readYamlDocuments(file)), rel(file));
  }

  private static final List<String> KIND_ORDER =
      List.of(
          "Namespace",
          "ServiceAccount",
          "ConfigMap",
          "Secret",
          "Service",
          "Cluster",
          "Deployment",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "NetworkPolicy",
          "ServiceMonitor",
          "PrometheusRule");

  private static int kindOrder(ObjectNode o) {
    int i = KIND_ORDER.indexOf(o.path("kind").asText());
    return i < 0 ? KIND_ORDER.size() : i;
  }

  private static String id(JsonNode o) {
    return o.path("kind").asText() + "/" + o.at("/metadata/name").asText();
  }

  private static String kinds(List<ObjectNode> objects) {
    Map<String, Integer> counts = new TreeMap<>();
    objects.forEach(o -> counts.merge(o.path("kind").asText(), 1, Integer::sum));
    return counts.toString();
  }

  private static List<String> prefix(String id, List<String> errors) {
    return errors.stream().map(e -> id + ": " + e).toList();
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void walkStrings(JsonNode node, String path, BiConsumer<String, String> visit) {
    if (node.isTextual()) {
      visit.accept(path, node.asText());
    } else if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  walkStrings(
                      e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), visit));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkStrings(node.get(i), path + "[" + i + "]", visit);
      }
    }
  }

  /** Brackets pair up outside quoted strings (a cheap sanity check of a PromQL expression). */
  private static boolean balanced(String expr) {
    ArrayDeque<Character> stack = new ArrayDeque<>();
    boolean quoted = false;
    for (char ch : expr.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && "([{".indexOf(ch) >= 0) {
        stack.push(ch);
      } else if (!quoted && ")]}".indexOf(ch) >= 0) {
        if (stack.isEmpty() || "([{".indexOf(stack.pop()) != ")]}".indexOf(ch)) {
          return false;
        }
      }
    }
    return stack.isEmpty() && !quoted;
  }

  private static List<String> instructions(String dockerfile, String instruction) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?im)^\\s*" + instruction + "\\s+(.+?)\\s*$").matcher(dockerfile);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String lastInstruction(String dockerfile, String instruction) {
    List<String> all = instructions(dockerfile, instruction);
    assertThat(all).as(instruction + " instructions").isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static String rel(Path p) {
    return root == null ? p.toString() : root.relativize(p.toAbsolutePath().normalize()).toString();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
