/**
 * The server's database: plain-JDBC stores of incidents and their journals, the ledger, game days,
 * scenarios, the halt switch, nodes and the audit log, wired into CDI by {@link
 * org.daysofchaos.scoreboard.persistence.PersistenceBeans}. The schema is migrated by Flyway
 * ({@code db/migration}).
 */
package org.daysofchaos.scoreboard.persistence;
