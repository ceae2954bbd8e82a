package org.daysofchaos.scoreboard;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's architecture, read from top to bottom; each layer may use the layers below it, never
 * one above. A new arrow upwards, a new cycle between packages, or a package in no layer fails the
 * build here. (Which modules the scoreboard may use at all is the enforcer's business, in the
 * poms.)
 *
 * <pre>
 *  Entry points  server (start and stop), cli (the chaos command), api (REST), web (pages)
 *  Game          leaderboard, play (the rules of play), report, alerts (monitoring detection),
 *                rehearse (a game day played in simulation)
 *  Game days     gameday (load, plan, start, stop), safety (halt-all, crash recovery)
 *  Incidents     incident (the engine: fire and run incidents on this node)
 *  Machinery     schedule (Quartz triggers and their ports), halt (the halt-all switch and gate),
 *                notify (notifications and Grafana annotations, sent off the run's thread)
 *  Foundation    persistence (the stores), security (accounts), metrics, targets (the allow-list),
 *                hosts (the host agents' credentials and link)
 * </pre>
 */
class LayeringTest {
  static final String ROOT = "org.daysofchaos.scoreboard";

  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SERVER);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .ensureAllClassesAreContainedInArchitectureIgnoring(simpleName("package-info"))
        .layer("Entry points")
        .definedBy(packages("server", "cli", "api", "web"))
        .layer("Game")
        .definedBy(packages("leaderboard", "play", "report", "alerts", "rehearse"))
        .layer("Game days")
        .definedBy(packages("gameday", "safety"))
        .layer("Incidents")
        .definedBy(packages("incident"))
        .layer("Machinery")
        .definedBy(packages("schedule", "halt", "notify"))
        .layer("Foundation")
        .definedBy(packages("persistence", "security", "metrics", "targets", "hosts"))
        .whereLayer("Entry points")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Game")
        .mayOnlyBeAccessedByLayers("Entry points")
        .whereLayer("Game days")
        .mayOnlyBeAccessedByLayers("Entry points", "Game")
        .whereLayer("Incidents")
        .mayOnlyBeAccessedByLayers("Entry points", "Game", "Game days")
        .whereLayer("Machinery")
        .mayOnlyBeAccessedByLayers("Entry points", "Game", "Game days", "Incidents")
        .check(SERVER);
  }

  private static String[] packages(String... names) {
    String[] identifiers = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      identifiers[i] = ROOT + "." + names[i] + "..";
    }
    return identifiers;
  }
}
