/**
 * The application people run: the game-day server and the {@code chaos} command line, one jar with
 * two faces (docs/adr/0005-server-and-cli.md). Its packages are layered, from the entry points
 * ({@code server}, {@code cli}, {@code api}, {@code web}) down to the foundation ({@code
 * persistence}, {@code security}, {@code metrics}, {@code targets}); {@code LayeringTest} writes
 * the layers down and fails on an arrow upwards or a cycle. The demo pre-production it can start is
 * the {@code demo} module.
 */
package org.daysofchaos.scoreboard;
