package org.daysofchaos.scoreboard.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The accounts a fresh server needs: the first game master, and on the demo one player per team and
 * a viewer. Their one-time passwords go to a file only the server's user can read (0600, in the
 * data directory), never to the log, which is often kept and shared; the log says where the file
 * is. Whoever holds a one-time password must change it before the account can act.
 */
public final class FirstAccounts {
  /** The file's name in the data directory. */
  public static final String FILE = "first-accounts.txt";

  private final Accounts accounts;
  private final Path file;
  private final PrintStream out;
  private CompletableFuture<Void> aside = CompletableFuture.completedFuture(null);

  /**
   * @param file where the one-time passwords are appended
   * @param out where to say which accounts were made and where their passwords are
   */
  public FirstAccounts(Accounts accounts, Path file, PrintStream out) {
    this.accounts = accounts;
    this.file = file;
    this.out = out;
  }

  /**
   * As {@link #gameMaster}, on a thread of its own: a server's start goes on meanwhile, and calls
   * {@link #await} before it serves. On a cold JVM the first bcrypt hash, and a configured
   * password's strength check and full-cost hash, took 0.1–0.3 s of the start's critical path (a
   * one-time password's hash is cheap: ADR 0025).
   */
  public void gameMasterAside(String username, Optional<String> password) {
    aside(() -> gameMaster(username, password));
  }

  /** As {@link #demo}, on a thread of its own, after what was started aside before. */
  public void demoAside(String gameDayId, List<String> teams) {
    aside(() -> demo(gameDayId, teams));
  }

  /** Waits for the accounts being made aside; what failed there fails here, as it was thrown. */
  public void await() {
    try {
      aside.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw e;
    }
  }

  /** Waits for the accounts being made aside, whatever becomes of them: for a start that failed. */
  public void settle() {
    aside.handle((done, problem) -> null).join();
  }

  private void aside(Runnable task) {
    aside =
        aside.thenRunAsync(
            task,
            run -> {
              Thread t = new Thread(run, "first-accounts");
              t.setDaemon(true);
              t.start();
            });
  }

  /** Creates the first game master if none exists; with a configured password, prints nothing. */
  public void gameMaster(String username, Optional<String> password) {
    accounts
        .bootstrap(username, password)
        .filter(created -> created.oneTimePassword() != null)
        .ifPresent(created -> print(List.of(created)));
  }

  /** On the demo: a player account per team ({@code <team>-player}) and a viewer. */
  public void demo(String gameDayId, List<String> teams) {
    List<Accounts.Created> created = new ArrayList<>();
    for (String team : teams) {
      String name = team.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
      createIfAbsent(name + "-player", Role.PLAYER, gameDayId, team).ifPresent(created::add);
    }
    createIfAbsent("viewer", Role.VIEWER, null, null).ifPresent(created::add);
    if (!created.isEmpty()) {
      print(created);
    }
  }

  private Optional<Accounts.Created> createIfAbsent(
      String username, Role role, String gameDayId, String team) {
    if (accounts.find(username).isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(accounts.create(username, role, gameDayId, team, "server"));
    } catch (IllegalStateException taken) {
      return Optional.empty(); // another node of the cluster created it first
    }
  }

  private void print(List<Accounts.Created> created) {
    StringBuilder s = new StringBuilder();
    s.append("# ")
        .append(Instant.now())
        .append(": new accounts and their one-time passwords (each must be changed at first")
        .append(" sign-in)\n");
    for (Accounts.Created c : created) {
      Account a = c.account();
      s.append(String.format("%-16s %-28s %s%n", a.username(), c.oneTimePassword(), describe(a)));
    }
    try {
      appendPrivately(s.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the one-time passwords to " + file, e);
    }
    out.printf(
        "%n  New accounts: %s. Their one-time passwords are in %s (readable by this user only);"
            + " each must be changed at first sign-in.%n%n",
        String.join(", ", created.stream().map(c -> c.account().username()).toList()), file);
    out.flush();
  }

  /** Appends to the file, made readable and writable by this user only before anything is in it. */
  private void appendPrivately(String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.exists(file)) {
      if (posix) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    }
    if (posix) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static String describe(Account a) {
    return a.role() == Role.PLAYER ? "player of team " + a.team() : a.role().roleName();
  }
}
