package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.daysofchaos.core.scenario.ScenarioSchema;
import org.daysofchaos.core.testing.SchemaFiles;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code scenarios/scenario.schema.json} is the one the catalog generates. After a
 * change of the catalog or of the format, regenerate it with
 *
 * <pre>
 * ./mvnw -o -pl scenarios -am test -Dtest=ScenarioSchemaFileTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true
 * </pre>
 */
class ScenarioSchemaFileTest {

  @Test
  void committedSchemaIsTheOneTheCatalogGenerates() throws IOException {
    String generated = ScenarioSchema.generate(Catalog.standard());

    assertThat(SchemaFiles.committed(ShippedFiles.SCHEMA, generated))
        .as(
            "scenarios/scenario.schema.json is out of date with the catalog; regenerate it with"
                + " `./mvnw -o -pl scenarios -am test -Dtest=ScenarioSchemaFileTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true`, and commit it")
        .isEqualTo(generated);
  }
}
