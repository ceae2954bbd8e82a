package org.daysofchaos.core.binder;

import org.yaml.snakeyaml.nodes.Node;

/** One key of a YAML map with its value, both with their positions. */
public record Entry(String key, Node keyNode, Node value) {}
