package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A list of items of one type, bound to an immutable {@link List}. Every item is bound and every
 * problem reported; the list is {@link #INVALID} if any item is. Configured by copies: {@code
 * Types.list(TEAM, "team").nonEmpty().uniqueBy(...)}.
 */
public final class ListType extends ValueType {
  private final ValueType item;
  private final String noun;
  private final int minItems;
  private final boolean sayEmpty;
  private final Function<Object, Object> identity;
  private final String identityKey;
  private final String expected;

  private ListType(
      ValueType item,
      String noun,
      int minItems,
      boolean sayEmpty,
      Function<Object, Object> identity,
      String identityKey,
      String expected) {
    this.item = item;
    this.noun = noun;
    this.minItems = minItems;
    this.sayEmpty = sayEmpty;
    this.identity = identity;
    this.identityKey = identityKey;
    this.expected = expected;
  }

  static ListType of(ValueType item, String noun) {
    return new ListType(item, noun, 0, false, null, null, "a list of " + noun + "s");
  }

  /** At least {@code n} items, else "must list at least one fault" (or "at least n"). */
  public ListType atLeast(int n) {
    return new ListType(item, noun, n, false, identity, identityKey, expected);
  }

  /** At least one item, else "must not be empty; expected {@link #expected()}". */
  public ListType nonEmpty() {
    return new ListType(item, noun, 1, true, identity, identityKey, expected);
  }

  /** Refuses an item equal to an earlier one: "duplicate alert name 'X'; ... at line 3". */
  public ListType unique() {
    return uniqueBy(Function.identity());
  }

  /** Refuses an item whose {@code identity} equals an earlier one's (e.g. ignoring case). */
  public ListType uniqueBy(Function<Object, Object> identity) {
    return new ListType(item, noun, minItems, sayEmpty, identity, null, expected);
  }

  /**
   * As {@link #uniqueBy(Function)}, for items that may be maps whose {@code key} gives their
   * identity ({@code - name: blue}): a duplicate is reported at that key's value.
   */
  public ListType uniqueBy(Function<Object, Object> identity, String key) {
    return new ListType(item, noun, minItems, sayEmpty, identity, key, expected);
  }

  /** The same list, described to users as {@code expected} ("a list of scenarios, each ..."). */
  public ListType describedAs(String expected) {
    return new ListType(item, noun, minItems, sayEmpty, identity, identityKey, expected);
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    if (!(node instanceof SequenceNode sequence)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    List<Node> items = sequence.getValue();
    if (items.size() < minItems) {
      ctx.problem(node, field, tooFew());
      return INVALID;
    }
    List<Object> values = new ArrayList<>(items.size());
    List<Object> identities = new ArrayList<>(items.size());
    boolean valid = true;
    for (int i = 0; i < items.size(); i++) {
      Node itemNode = items.get(i);
      String itemField = Paths.index(field, i);
      Object value = bindItem(itemNode, itemField, ctx);
      Object id = value == INVALID || identity == null ? INVALID : identity.apply(value);
      if (id != INVALID) {
        valid &= checkUnique(identities, items, id, value, itemNode, itemField, ctx);
      }
      valid &= value != INVALID;
      values.add(value);
      identities.add(id);
    }
    return valid ? List.copyOf(values) : INVALID;
  }

  private String tooFew() {
    if (sayEmpty) {
      return "must not be empty; expected " + expected();
    }
    return "must list at least " + (minItems == 1 ? "one " + noun : minItems);
  }

  private Object bindItem(Node itemNode, String itemField, ReadContext ctx) {
    if (Nodes.isNull(itemNode)) {
      ctx.problem(itemNode, itemField, Nodes.mismatch(item.expected(), itemNode));
      return INVALID;
    }
    return item.bind(itemNode, itemField, ctx);
  }

  /** Reports {@code value} if an earlier item is the same; false then. */
  private boolean checkUnique(
      List<Object> earlier,
      List<Node> nodes,
      Object id,
      Object value,
      Node node,
      String field,
      ReadContext ctx) {
    int first = earlier.indexOf(id);
    if (first < 0) {
      return true;
    }
    Node at = node;
    String atField = field;
    Node keyed =
        identityKey != null && node instanceof MappingNode map
            ? Nodes.value(map, identityKey)
            : null;
    if (keyed != null) {
      at = keyed;
      atField = Paths.child(field, identityKey);
    }
    ctx.problem(
        at,
        atField,
        "duplicate "
            + noun
            + " "
            + Nodes.quote(String.valueOf(value))
            + "; it is already given at line "
            + (nodes.get(first).getStartMark().getLine() + 1));
    return false;
  }

  @Override
  public String expected() {
    return expected;
  }

  @Override
  public ObjectNode schema() {
    ObjectNode schema = JSON.objectNode().put("type", "array");
    if (minItems > 0) {
      schema.put("minItems", minItems);
    }
    if (identity != null) {
      schema.put("uniqueItems", true);
    }
    schema.set("items", item.schema());
    return schema;
  }

  @Override
  public JsonNode defaultJson(Node node) {
    ArrayNode array = JSON.arrayNode();
    if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(n -> array.add(item.defaultJson(n)));
    }
    return array;
  }
}
