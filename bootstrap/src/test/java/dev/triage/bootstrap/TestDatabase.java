package dev.triage.bootstrap;

import io.quarkus.test.common.QuarkusTestResource;

/** Binds the embedded PostgreSQL to every {@code @QuarkusTest} of the run. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {
  private TestDatabase() {}
}
