package org.daysofchaos.core.spec;

/** Spells enum constants the way scenario files do: {@code UNTIL_FIXED} is {@code until-fixed}. */
public final class YamlEnum {
  private YamlEnum() {}

  public static String name(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
