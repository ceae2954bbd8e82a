package org.daysofchaos.bench;

import java.util.List;
import java.util.Locale;
import org.daysofchaos.bench.PlayBench.Result;

/** The play bench's figures as a console line per phase and as Markdown tables. */
final class PlayReport {
  private PlayReport() {}

  static String line(Result r) {
    Usage u = r.usage();
    return String.format(
        Locale.ROOT,
        "  %d plays (%.1f/s), %d acknowledged, refused %s; latency p50 %s p99 %s max %s; sent late"
            + " p99 %s | %d viewers connected, %d at the end; %d scoring events; event→board p50 %s"
            + " p99 %s; event→viewer p50 %s p99 %s max %s; %d undelivered; %d boards | server %.2f"
            + " cores (%.2f at rest), bench %.2f cores, load %.1f | %d plays stored, %d acknowledged"
            + " missing, %d changed | board GET p50 %s",
        r.sent(),
        r.rate(),
        r.acknowledged(),
        r.refused(),
        r.latency().millis(0.5),
        r.latency().millis(0.99),
        r.latency().millis(1),
        r.lag().millis(0.99),
        u.connected(),
        u.stillOpen(),
        r.events(),
        r.toBoard().millis(0.5),
        r.toBoard().millis(0.99),
        r.toViewer().millis(0.5),
        r.toViewer().millis(0.99),
        r.toViewer().millis(1),
        r.undelivered(),
        r.boards(),
        u.cpu().serverCores(),
        u.idleServerCores(),
        u.cpu().benchCores(),
        u.cpu().loadAverage(),
        r.playsInDb(),
        r.missing(),
        r.changedOutcome(),
        u.boardGet().millis(0.5));
  }

  static String markdown(List<Result> results, int teams) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Java %s, %s %s, %d cores; the packaged server, H2 file database; %d teams, one player"
                + " each; every phase plays its own game day, from an empty board.%n%n",
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            teams));
    plays(md, results);
    push(md, results);
    stored(md, results);
    return md.toString();
  }

  private static void plays(StringBuilder md, List<Result> results) {
    md.append("#### Plays\n\n")
        .append(
            "| viewers | target | plays/s | p50 | p90 | p99 | max | sent late, p99 | refused |"
                + " server CPU (at rest) | bench CPU | load avg |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
    for (Result r : results) {
      Usage u = r.usage();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.1f | %s | %s | %s | %s | %s | %s | %.2f (%.2f) | %.2f | %.1f |%n",
              r.phase().viewers(),
              r.phase().rateLabel(),
              r.rate(),
              r.latency().millis(0.5),
              r.latency().millis(0.9),
              r.latency().millis(0.99),
              r.latency().millis(1),
              r.lag().millis(0.99),
              r.refused().isEmpty() ? "none" : r.refused().toString(),
              u.cpu().serverCores(),
              u.idleServerCores(),
              u.cpu().benchCores(),
              u.cpu().loadAverage()));
    }
    md.append('\n');
  }

  private static void push(StringBuilder md, List<Result> results) {
    md.append("#### Scoring event → viewers\n\n")
        .append(
            "| viewers (at the end) | target | scoring events | boards pushed | event → board"
                + " computed, p50 / p99 | event → viewer, p50 | p90 | p99 | max | not delivered |\n")
        .append("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      if (r.phase().viewers() == 0) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %d (%d) | %s | %d | %d | %s / %s | %s | %s | %s | %s | %d |%n",
              r.usage().connected(),
              r.usage().stillOpen(),
              r.phase().rateLabel(),
              r.events(),
              r.boards(),
              r.toBoard().millis(0.5),
              r.toBoard().millis(0.99),
              r.toViewer().millis(0.5),
              r.toViewer().millis(0.9),
              r.toViewer().millis(0.99),
              r.toViewer().millis(1),
              r.undelivered()));
    }
    md.append('\n');
  }

  private static void stored(StringBuilder md, List<Result> results) {
    md.append("#### Every acknowledged play is stored\n\n")
        .append(
            "| viewers | target | incidents | acknowledged (201) | plays stored |"
                + " acknowledged, missing | stored otherwise | board on demand, p50 / p90 |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %d | %d | %d | %d | %d | %s / %s |%n",
              r.phase().viewers(),
              r.phase().rateLabel(),
              r.usage().incidents(),
              r.acknowledged(),
              r.playsInDb(),
              r.missing(),
              r.changedOutcome(),
              r.usage().boardGet().millis(0.5),
              r.usage().boardGet().millis(0.9)));
    }
    md.append('\n');
  }
}
