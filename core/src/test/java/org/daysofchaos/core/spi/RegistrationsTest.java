package org.daysofchaos.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistrationsTest {
  interface Thing {
    String name();
  }

  interface Broken {}

  public record Zebra(String name) implements Thing {
    public Zebra(StringBuilder context) {
      this("zebra " + context);
    }
  }

  public record Ant(String name) implements Thing {
    public Ant(StringBuilder context) {
      this("ant " + context);
    }
  }

  public record NoContext(String name) implements Broken {}

  @Test
  void listsTheRegisteredClassesByNameWithoutNeedingAConstructor() {
    assertThat(Registrations.classes(Thing.class)).containsExactly(Ant.class, Zebra.class);
  }

  @Test
  void buildsEachWithItsContext() {
    assertThat(Registrations.instances(Thing.class, StringBuilder.class, new StringBuilder("ctx")))
        .extracting(Thing::name)
        .containsExactly("ant ctx", "zebra ctx");
  }

  @Test
  void saysWhichConstructorAClassLacks() {
    assertThatThrownBy(
            () -> Registrations.instances(Broken.class, StringBuilder.class, new StringBuilder()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            NoContext.class.getName()
                + " is registered as a Broken and needs a public constructor taking StringBuilder");
  }
}
