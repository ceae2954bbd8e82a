/**
 * How target, fault and probe kinds describe themselves, so that one reader, one validator and one
 * JSON Schema generator serve every kind: a kind is a record annotated with {@link
 * org.daysofchaos.core.spec.Kind}; its components are the YAML fields, with {@link
 * org.daysofchaos.core.spec.Default}, {@link org.daysofchaos.core.spec.Doc}, {@link
 * org.daysofchaos.core.spec.Range} and {@link org.daysofchaos.core.spec.NotBlank} where needed.
 */
package org.daysofchaos.core.spec;
