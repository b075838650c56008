package dev.triage.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of the architecture, checked on every build. */
@AnalyzeClasses(packages = "dev.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domain_uses_nothing_but_the_jdk =
      classes()
          .that()
          .resideInAPackage("dev.triage.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.triage.domain..")
          .because("the domain is plain Java 21 with no dependencies at all");

  @ArchTest
  static final ArchRule application_uses_no_framework =
      noClasses()
          .that()
          .resideInAPackage("dev.triage.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus..",
              "io.vertx..",
              "org.hibernate..",
              "jakarta.ws..",
              "jakarta.enterprise..",
              "jakarta.inject..",
              "jakarta.persistence..",
              "com.fasterxml..",
              "dev.triage.adapters..",
              "dev.triage.bootstrap..")
          .because("use cases depend on the domain, Mutiny and jakarta.validation only");

  @ArchTest
  static final ArchRule inbound_adapters_do_not_touch_outbound_ones =
      noClasses()
          .that()
          .resideInAPackage("dev.triage.adapters.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.triage.adapters.out..")
          .because("inbound adapters reach the outside only through the bus and its ports");

  @ArchTest
  static final ArchRule outbound_adapters_do_not_touch_inbound_ones =
      noClasses()
          .that()
          .resideInAPackage("dev.triage.adapters.out..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.triage.adapters.in..");

  @ArchTest
  static final ArchRule nothing_inside_depends_on_the_wiring =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.triage.domain..", "dev.triage.application..", "dev.triage.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.triage.bootstrap..");
}
