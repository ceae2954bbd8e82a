package org.daysofchaos.scoreboard.security;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts a fresh server needs: the first game master, and on the demo one player per team and
 * a viewer. One-time passwords are printed once, on standard output, and never stored in clear;
 * whoever holds one must change it before the account can act.
 */
public final class FirstAccounts {
  private final Accounts accounts;
  private final PrintStream out;

  public FirstAccounts(Accounts accounts, PrintStream out) {
    this.accounts = accounts;
    this.out = out;
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
    s.append("\n  New accounts, with one-time passwords shown only now")
        .append(" (each must be changed at first sign-in):\n");
    for (Accounts.Created c : created) {
      Account a = c.account();
      s.append(
          String.format("    %-16s %-28s %s%n", a.username(), c.oneTimePassword(), describe(a)));
    }
    out.println(s);
    out.flush();
  }

  private static String describe(Account a) {
    return a.role() == Role.PLAYER ? "player of team " + a.team() : a.role().roleName();
  }
}
