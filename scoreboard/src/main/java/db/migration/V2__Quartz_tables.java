package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's tables (the JDBC job store) from the DDL that ships inside the Quartz jar, so
 * that the schema always matches the Quartz version on the class path and no copy of it lives in
 * this repository. Picks the H2 or PostgreSQL script by the database it runs on.
 */
public class V2__Quartz_tables extends BaseJavaMigration {
  private static final String FOLDER = "org/quartz/impl/jdbcjobstore/";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String script;
    if (product.contains("postgres")) {
      script = "tables_postgres.sql";
    } else if (product.contains("h2")) {
      script = "tables_h2.sql";
    } else {
      throw new SQLException(
          "no Quartz tables for database " + product + "; supported: H2, PostgreSQL");
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(read(FOLDER + script))) {
        statement.execute(sql);
      }
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = V2__Quartz_tables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the class path (is quartz.jar there?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The statements of a script: comments dropped, split at ';', without its final COMMIT. */
  static List<String> statements(String script) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    List<String> statements = new ArrayList<>();
    for (String part : sql.toString().split(";")) {
      String statement = part.strip();
      if (!statement.isEmpty() && !statement.equalsIgnoreCase("commit")) {
        statements.add(statement);
      }
    }
    return statements;
  }
}
