/**
 * Flyway's Java migrations, in the package Flyway looks in ({@code db/migration}, beside the SQL
 * ones): the Quartz tables, created from the DDL that ships in the Quartz jar.
 */
package db.migration;
