package org.daysofchaos.scoreboard.play;

import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.security.Account;

/**
 * The rules of play, applied as each play arrives: what a team may claim, when, and how it is
 * judged. Bad input is an {@link IllegalArgumentException} (400), a play that the state of the game
 * refuses an {@link IllegalStateException} (409), an unknown id a {@link NotFoundException}; none
 * of them records anything.
 */
public final class Plays {
  /** The longest free text a play may carry. */
  public static final int MAX_TEXT = 500;

  /** Kinds of fault offered for a diagnosis, besides the ones the game day's scenarios use. */
  static final List<String> STANDARD_FAULTS =
      List.of(
          "latency",
          "outage",
          "errors",
          "resets",
          "freeze",
          "crash",
          "bandwidth",
          "timeout",
          "configuration",
          "capacity");

  /** What the player console offers to choose from. */
  public record Options(List<String> services, List<String> components, List<String> faults) {}

  /** A hint bought, with its text. */
  public record Bought(PlayRecord play, String text) {}

  private final PlayStore store;
  private final IncidentStore incidents;
  private final ScenarioCatalog catalog;
  private final GameDays gameDays;
  private final AuditLog audit;
  private final Clock clock;
  private final Consumer<String> changed;
  private final StorageLimits limits;
  private final Map<String, Object> teamLocks = new ConcurrentHashMap<>();

  public Plays(
      PlayStore store,
      IncidentStore incidents,
      ScenarioCatalog catalog,
      GameDays gameDays,
      AuditLog audit,
      Clock clock,
      Consumer<String> changed,
      StorageLimits limits) {
    this.store = store;
    this.incidents = incidents;
    this.catalog = catalog;
    this.gameDays = gameDays;
    this.audit = audit;
    this.clock = clock;
    this.changed = changed;
    this.limits = limits;
  }

  /**
   * "We see something wrong with {@code service}": accepted for the earliest active incident that
   * shows on that service and that the team has not detected yet; otherwise a false claim.
   */
  public PlayRecord claimDetection(Account player, String service, String requestKey) {
    String named = text("service", service, 100);
    if (named.isEmpty()) {
      throw new IllegalArgumentException("service: name the service where you see the failure");
    }
    String day = runningGameDay(player);
    synchronized (lock(player)) {
      List<Incident> showing =
          active(day).stream().filter(i -> showsOn(scenario(i), named)).toList();
      List<String> detected = detectedBy(player);
      Optional<Incident> fresh =
          showing.stream().filter(i -> !detected.contains(i.id())).findFirst();
      if (fresh.isEmpty() && !showing.isEmpty()) {
        throw new IllegalStateException(
            "your team has already claimed the failure it sees on " + named);
      }
      PlayRecord play =
          fresh
              .map(i -> play(player, i.id(), PlayType.DETECTION_CLAIM, Outcome.ACCEPTED, -1, named))
              .orElseGet(
                  () -> play(player, null, PlayType.DETECTION_CLAIM, Outcome.REJECTED, -1, named));
      return record(play, requestKey);
    }
  }

  /**
   * The root cause of an incident the team detected: a component and a kind of fault, judged at
   * once against the answer key, or free text that waits for a game master.
   */
  public PlayRecord diagnose(
      Account player,
      String incidentId,
      String component,
      String fault,
      String freeText,
      String requestKey) {
    String c = text("component", component, 100);
    String f = text("fault", fault, 100);
    String t = text("text", freeText, MAX_TEXT);
    boolean chosen = !c.isEmpty() || !f.isEmpty();
    if (chosen == !t.isEmpty()) {
      throw new IllegalArgumentException(
          "give either a component and a fault, or a free-text diagnosis (not both)");
    }
    if (chosen && (c.isEmpty() || f.isEmpty())) {
      throw new IllegalArgumentException("give both the component and the kind of fault");
    }
    synchronized (lock(player)) {
      Incident incident = playable(player, incidentId);
      List<PlayRecord> mine = teamPlays(player, incident.id(), PlayType.DIAGNOSIS);
      if (mine.stream().anyMatch(p -> p.outcome() == Outcome.ACCEPTED)) {
        throw new IllegalStateException("your team has already diagnosed this incident");
      }
      if (mine.stream().anyMatch(p -> p.outcome() == Outcome.PENDING)) {
        throw new IllegalStateException(
            "a free-text diagnosis of your team waits for a game master; wait for the verdict");
      }
      PlayRecord play;
      if (chosen) {
        boolean right = answerMatches(scenario(incident), c, f);
        play =
            play(
                player,
                incident.id(),
                PlayType.DIAGNOSIS,
                right ? Outcome.ACCEPTED : Outcome.REJECTED,
                -1,
                c + " / " + f);
      } else {
        play = play(player, incident.id(), PlayType.DIAGNOSIS, Outcome.PENDING, -1, t);
      }
      return record(play, requestKey);
    }
  }

  /** Buys the next hint of an incident the team detected, once the scenario lets it out. */
  public Bought buyHint(Account player, String incidentId, String requestKey) {
    synchronized (lock(player)) {
      Incident incident = playable(player, incidentId);
      List<Hint> hints = scenario(incident).hints();
      int next = teamPlays(player, incident.id(), PlayType.HINT).size();
      if (next >= hints.size()) {
        throw new IllegalStateException("this incident has no more hints");
      }
      Instant unlocks = incident.injectedAt().plus(hints.get(next).after());
      Instant now = clock.instant();
      if (now.isBefore(unlocks)) {
        throw new IllegalStateException(
            "hint "
                + (next + 1)
                + " unlocks "
                + Durations.format(hints.get(next).after())
                + " after the incident began, in "
                + Durations.format(Duration.between(now, unlocks).withNanos(0).plusSeconds(1)));
      }
      PlayRecord play =
          record(
              play(
                  player,
                  incident.id(),
                  PlayType.HINT,
                  Outcome.ACCEPTED,
                  next,
                  "hint " + (next + 1)),
              requestKey);
      return new Bought(play, hints.get(next).text());
    }
  }

  /**
   * "Fixed": counts once the metrics show the steady state held for the scenario's holdFor (the
   * incident's measured recovery); only for until-fixed incidents.
   */
  public PlayRecord declareFix(Account player, String incidentId, String requestKey) {
    synchronized (lock(player)) {
      Incident incident = playable(player, incidentId);
      if (scenario(incident).mode() != Mode.UNTIL_FIXED) {
        throw new IllegalStateException(
            "this incident is time-boxed: its fault ends by itself, there is no fix to declare");
      }
      if (!teamPlays(player, incident.id(), PlayType.FIX).isEmpty()) {
        throw new IllegalStateException("your team has already declared this incident fixed");
      }
      return record(
          play(player, incident.id(), PlayType.FIX, Outcome.PENDING, -1, "declared fixed"),
          requestKey);
    }
  }

  /** A game master accepts or rejects a free-text diagnosis. */
  public PlayRecord review(String gameMaster, String gameDayId, long playId, boolean accept) {
    PlayRecord play =
        store
            .find(playId)
            .filter(p -> p.gameDayId().equals(gameDayId))
            .orElseThrow(
                () -> new NotFoundException("game day " + gameDayId + " has no play " + playId));
    if (play.type() != PlayType.DIAGNOSIS || play.outcome() != Outcome.PENDING) {
      throw new IllegalStateException("play " + playId + " is not a diagnosis waiting for review");
    }
    Outcome outcome = accept ? Outcome.ACCEPTED : Outcome.REJECTED;
    if (!store.review(playId, outcome, gameMaster, clock.instant())) {
      throw new IllegalStateException("play " + playId + " was reviewed by someone else first");
    }
    audit.record(
        gameMaster,
        accept ? "diagnosis-accepted" : "diagnosis-rejected",
        "play " + playId,
        play.team() + ": " + play.detail());
    changed.accept(play.gameDayId());
    return store.find(playId).orElseThrow();
  }

  /**
   * The choices of the player console: services to claim, components and faults to diagnose. A
   * blind game day offers only the standard kinds of fault: a kind that only one of its scenarios
   * uses (a {@code hang}) would tell the teams what to look for. Another kind is diagnosed in free
   * text, which a game master reviews.
   */
  public Options options(String gameDayId) {
    boolean blind = gameDays.get(gameDayId).blind();
    TreeSet<String> services = new TreeSet<>();
    TreeSet<String> components = new TreeSet<>();
    TreeSet<String> faults = new TreeSet<>(STANDARD_FAULTS);
    for (GameDayStore.SlotRow slot : gameDays.slots(gameDayId)) {
      Scenario s = catalog.scenario(slot.scenarioId(), slot.scenarioSha256());
      services.addAll(s.detection().services());
      s.diagnosis()
          .ifPresent(
              d -> {
                services.add(d.component());
                components.add(d.component());
                if (!blind) {
                  faults.add(d.fault());
                }
              });
    }
    components.addAll(services);
    return new Options(List.copyOf(services), List.copyOf(components), List.copyOf(faults));
  }

  // --- the checks --------------------------------------------------------------------------

  private String runningGameDay(Account player) {
    GameDayStore.Row day = gameDays.get(player.gameDayId());
    if (day.state() != GameDayStore.State.RUNNING) {
      throw new IllegalStateException(
          "game day " + day.id() + " is " + day.state().name().toLowerCase(Locale.ROOT));
    }
    return day.id();
  }

  /** An incident of the player's game day that the team detected and that is not over. */
  private Incident playable(Account player, String incidentId) {
    if (incidentId == null || incidentId.isBlank()) {
      throw new IllegalArgumentException("incident: give the incident's id");
    }
    Incident incident =
        incidents
            .find(incidentId.strip())
            .filter(i -> player.gameDayId().equals(i.gameDayId()))
            .orElseThrow(() -> new NotFoundException("no incident '" + incidentId + "'"));
    if (!detectedBy(player).contains(incident.id())) {
      throw new IllegalStateException("claim the detection of this incident first");
    }
    runningGameDay(player);
    if (incident.state() != Incident.State.RUNNING) {
      throw new IllegalStateException("incident " + incident.id() + " is over");
    }
    return incident;
  }

  private List<Incident> active(String gameDayId) {
    return incidents.list(gameDayId, Incident.State.RUNNING, 1000).stream()
        .filter(i -> i.injectedAt() != null)
        .sorted(Comparator.comparing(Incident::injectedAt))
        .toList();
  }

  private List<String> detectedBy(Account player) {
    return store.ofTeam(player.gameDayId(), player.team(), PlayType.DETECTION_CLAIM).stream()
        .filter(p -> p.outcome() == Outcome.ACCEPTED)
        .map(PlayRecord::incidentId)
        .toList();
  }

  private List<PlayRecord> teamPlays(Account player, String incidentId, PlayType type) {
    return store.ofTeam(player.gameDayId(), player.team(), type).stream()
        .filter(p -> incidentId.equals(p.incidentId()))
        .toList();
  }

  static boolean showsOn(Scenario scenario, String service) {
    return scenario.detection().services().stream().anyMatch(s -> s.equalsIgnoreCase(service))
        || scenario.diagnosis().map(d -> d.component().equalsIgnoreCase(service)).orElse(false);
  }

  static boolean answerMatches(Scenario scenario, String component, String fault) {
    return scenario
        .diagnosis()
        .map(d -> d.component().equalsIgnoreCase(component) && d.fault().equalsIgnoreCase(fault))
        .orElse(false);
  }

  private Scenario scenario(Incident incident) {
    return catalog.scenario(incident.scenarioId(), incident.scenarioSha256());
  }

  private PlayRecord play(
      Account player, String incidentId, PlayType type, Outcome outcome, int hint, String detail) {
    return new PlayRecord(
        0,
        player.gameDayId(),
        incidentId,
        player.team(),
        player.username(),
        type,
        clock.instant(),
        outcome,
        hint,
        detail,
        null,
        null);
  }

  private PlayRecord record(PlayRecord play, String requestKey) {
    String key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
    if (key != null && key.length() > 100) {
      throw new IllegalArgumentException("Idempotency-Key: at most 100 characters");
    }
    checkLimits(play);
    PlayRecord stored =
        store
            .insert(play, key)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "this request was already received (Idempotency-Key '"
                            + key
                            + "'); nothing changed"));
    changed.accept(play.gameDayId());
    return stored;
  }

  /** The storage limits of plays: per player and minute, per team and incident (or none). */
  private void checkLimits(PlayRecord play) {
    Instant since = play.at().minus(StorageLimits.MINUTE);
    if (store.countSince(play.username(), since) >= limits.playsPerMinute()) {
      throw StorageLimits.Exceeded.tooMany(
          "at most "
              + limits.playsPerMinute()
              + " plays a minute per player; wait a minute before the next one");
    }
    long ofIncident = store.countOfTeam(play.gameDayId(), play.team(), play.incidentId());
    if (play.incidentId() != null && ofIncident >= limits.playsPerIncident()) {
      throw StorageLimits.Exceeded.tooMany(
          "your team has made the most plays allowed for one incident ("
              + limits.playsPerIncident()
              + ")");
    }
    if (play.incidentId() == null && ofIncident >= limits.claimsWithoutIncident()) {
      throw StorageLimits.Exceeded.tooMany(
          "your team has made the most claims allowed that matched no incident ("
              + limits.claimsWithoutIncident()
              + " in this game day)");
    }
  }

  private Object lock(Account player) {
    return teamLocks.computeIfAbsent(
        player.gameDayId() + "\u0000" + player.team(), k -> new Object());
  }

  private static String text(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return v;
  }
}
