package org.daysofchaos.core.gameday;

import java.util.List;
import java.util.Objects;
import org.daysofchaos.core.Guardrail;

/**
 * An event: teams play against the scenarios that fire during its window.
 *
 * @param id a short name for URLs and commands: lower-case letters, digits and dashes
 * @param name what people call it ("Payments game day, December")
 * @param description optional free text, empty when absent
 * @param window when the game day runs
 * @param teams the teams that play, in the order written, with unique names
 * @param slots the scenarios and when each fires, in the order written
 * @param guardrails abort conditions added to those of every incident the game day fires
 * @param blind true when players, viewers and the public must not learn that an incident is
 *     running, nor which kinds of fault the game day holds, before they find it themselves
 * @param notifications the channels told of its incidents and of halt-all, in the order written
 */
public record GameDay(
    String id,
    String name,
    String description,
    Window window,
    List<Team> teams,
    List<Slot> slots,
    List<Guardrail> guardrails,
    boolean blind,
    List<Notification> notifications) {

  public GameDay {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(window, "window");
    teams = List.copyOf(teams);
    slots = List.copyOf(slots);
    guardrails = List.copyOf(guardrails);
    notifications = List.copyOf(notifications);
  }

  /** A game day without notifications. */
  public GameDay(
      String id,
      String name,
      String description,
      Window window,
      List<Team> teams,
      List<Slot> slots,
      List<Guardrail> guardrails,
      boolean blind) {
    this(id, name, description, window, teams, slots, guardrails, blind, List.of());
  }

  /** A game day without guardrails of its own, not blind. */
  public GameDay(
      String id,
      String name,
      String description,
      Window window,
      List<Team> teams,
      List<Slot> slots) {
    this(id, name, description, window, teams, slots, List.of(), false, List.of());
  }
}
