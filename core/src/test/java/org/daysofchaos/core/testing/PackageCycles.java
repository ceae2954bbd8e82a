package org.daysofchaos.core.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The check each plain module runs on its own main code: no two packages depend on each other,
 * directly or around a circle. Every package is its own slice, the module's root package and an
 * {@code internal} package below its API included, so a new cycle fails the build where it is
 * written. (Which modules may use which is the enforcer's business, in the poms; the server's
 * layers are checked by its own LayeringTest.)
 */
public final class PackageCycles {
  private PackageCycles() {}

  /** Fails, naming each cycle, when the packages under {@code root} depend on each other. */
  public static void assertNoneIn(String root) {
    slices()
        .matching("org.daysofchaos.(**)")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
  }
}
