package org.daysofchaos.core.scoring;

/** The three stages a team scores in each incident, in the order they are normally reached. */
public enum Stage {
  DETECT("detection"),
  DIAGNOSE("diagnosis"),
  RECOVER("recovery");

  private final String noun;

  Stage(String noun) {
    this.noun = noun;
  }

  /** How score lines name the stage: "detection", "diagnosis", "recovery". */
  public String noun() {
    return noun;
  }
}
