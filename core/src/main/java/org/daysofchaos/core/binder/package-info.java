/**
 * The YAML binder: one description of a file's keys drives its reader, its JSON Schema and its
 * documentation (ADR 0002), and every problem is reported as {@code file:line:column: field:
 * message}. The scenario and game-day languages are written with it; see {@code docs/binder.md} for
 * how to write the next one.
 *
 * <ul>
 *   <li>{@link org.daysofchaos.core.binder.YamlSource} composes text into SnakeYAML nodes that know
 *       their position, within limits hostile input cannot pass.
 *   <li>A {@link org.daysofchaos.core.binder.Shape} lists the {@link
 *       org.daysofchaos.core.binder.Field}s of a map: name, {@link
 *       org.daysofchaos.core.binder.ValueType}, required or default, doc, bounds.
 *   <li>{@link org.daysofchaos.core.binder.Types} has the shared value types (texts, durations,
 *       numbers, enums, lists, maps, named maps, records); a language adds its own by extending
 *       {@link org.daysofchaos.core.binder.ValueType} or {@link
 *       org.daysofchaos.core.binder.ScalarType}.
 *   <li>A {@link org.daysofchaos.core.binder.Rule} checks several fields of one map together; the
 *       {@link org.daysofchaos.core.binder.ReadContext} collects the {@link
 *       org.daysofchaos.core.binder.Problem}s of one read, and keeps a language's per-read state
 *       for checks across the whole file.
 *   <li>{@link org.daysofchaos.core.binder.SchemaWriter} writes the JSON Schema of a language.
 * </ul>
 *
 * <p>Binding never throws on what a file contains: a type reports its problems and returns {@link
 * org.daysofchaos.core.binder.ValueType#INVALID}. Languages are built once and are immutable and
 * thread-safe; a read is one {@code ReadContext}.
 */
package org.daysofchaos.core.binder;
