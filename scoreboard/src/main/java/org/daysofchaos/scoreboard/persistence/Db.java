package org.daysofchaos.scoreboard.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC over a {@link DataSource}, the way the server talks to its database (ADR 0005): one
 * statement per call in auto-commit, so every write is durable when the call returns; instants are
 * stored as {@code TIMESTAMP WITH TIME ZONE} in UTC. The same code runs on H2 and PostgreSQL. The
 * few writes that must be one with another run in a {@link #inTransaction transaction}.
 */
public final class Db {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  public Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs an insert, update or delete; returns the number of rows it changed. */
  public int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, args);
    } catch (SQLException e) {
      throw new DbException(sql, e);
    }
  }

  public <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return query(c, sql, row, args);
    } catch (SQLException e) {
      throw new DbException(sql, e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    return first(query(sql, row, args));
  }

  /** Statements that commit together, on one connection; see {@link #inTransaction}. */
  public static final class Transaction {
    private final Connection connection;

    private Transaction(Connection connection) {
      this.connection = connection;
    }

    public int update(String sql, Object... args) {
      try {
        return Db.update(connection, sql, args);
      } catch (SQLException e) {
        throw new DbException(sql, e);
      }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
      try {
        return first(query(connection, sql, row, args));
      } catch (SQLException e) {
        throw new DbException(sql, e);
      }
    }
  }

  /** What runs in a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Transaction tx);
  }

  /**
   * Runs {@code work} in one transaction: everything it wrote commits when it returns, nothing if
   * it throws (the exception is thrown on). Row locks it takes are held until then.
   */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(new Transaction(c));
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DbException("transaction", e);
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.map(rs));
      }
      return result;
    }
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, jdbc(args[i]));
    }
    return s;
  }

  private static Object jdbc(Object value) {
    if (value instanceof Optional<?> optional) {
      return jdbc(optional.orElse(null));
    }
    if (value instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value;
  }

  /** The instant in a column, or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** A nullable BIGINT column. */
  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A nullable INTEGER column. */
  public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** A database call failed; carries the statement for the log. */
  public static final class DbException extends RuntimeException {
    DbException(String sql, SQLException cause) {
      super(cause.getMessage() + " [" + sql.strip().replaceAll("\\s+", " ") + "]", cause);
    }
  }
}
