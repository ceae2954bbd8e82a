package org.daysofchaos.core.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The pieces of the binder that the scenario and game-day tests do not reach on their own. */
class BinderTest {
  private static final YamlSource SOURCE = new YamlSource("a test");

  private static final Shape PERSON =
      new Shape(
          "A person.",
          List.of(
              Field.required("name", Types.NON_BLANK, "Their name."),
              Field.optional("age", Types.INT, 0, "Their age.").withRange(0, 150)));

  private static List<String> bind(ValueType type, String yaml) {
    ReadContext ctx = new ReadContext("t.yaml");
    Node root = SOURCE.compose(yaml, ctx);
    type.bind(root, "", ctx);
    return ctx.sortedProblems().stream().map(Problem::toString).toList();
  }

  private static List<String> bindShape(Shape shape, String yaml) {
    ReadContext ctx = new ReadContext("t.yaml");
    MappingNode map = (MappingNode) SOURCE.compose(yaml, ctx);
    shape.bind(map, Nodes.entries(map, "", ctx), "", ctx);
    return ctx.sortedProblems().stream().map(Problem::toString).toList();
  }

  @Test
  void aTypoOfAMissingKeyIsOneProblemUnlessTheShapeWantsBoth() {
    assertThat(bindShape(PERSON, "nme: Ada\n"))
        .containsExactly(
            "t.yaml:1:1: nme: unknown key 'nme' (did you mean 'name'?); allowed keys: name, age");
    assertThat(bindShape(PERSON.reportingMissingBesideTypos(), "nme: Ada\n"))
        .containsExactly(
            "t.yaml:1:1: nme: unknown key 'nme' (did you mean 'name'?); allowed keys: name, age",
            "t.yaml:1:1: name: is missing; expected a text");
  }

  @Test
  void rangesAndDuplicateKeysAreProblemsAtTheirValueAndSecondKey() {
    assertThat(bindShape(PERSON, "name: Ada\nage: 200\nname: Bob\n"))
        .containsExactly(
            "t.yaml:2:6: age: must be from 0 to 150, got 200",
            "t.yaml:3:1: name: duplicate key 'name'; it is already given at line 1");
  }

  @Test
  void listsCanBeNonEmptyAndUniqueByAKeyOfTheirMaps() {
    ValueType people =
        Types.list(Types.map(PERSON, b -> b.<String>get("name")), "person")
            .nonEmpty()
            .uniqueBy(name -> ((String) name).toLowerCase(Locale.ROOT), "name")
            .describedAs("a list of people");

    assertThat(bind(people, "[]"))
        .containsExactly("t.yaml:1:1: yaml: must not be empty; expected a list of people");
    assertThat(bind(people, "- name: Ada\n- age: 3\n  name: ADA\n"))
        .containsExactly(
            "t.yaml:3:9: [1].name: duplicate person 'ADA'; it is already given at line 1");
  }

  @Test
  void aReadKeepsTheStateOfItsLanguageApartFromOtherReads() {
    ReadContext.Key<List<String>> seen = ReadContext.Key.of(ArrayList::new);
    ReadContext first = new ReadContext("a");
    ReadContext second = new ReadContext("b");

    first.get(seen).add("x");

    assertThat(first.get(seen)).containsExactly("x");
    assertThat(second.get(seen)).isEmpty();
  }

  @Test
  void problemsAreSortedByPositionOnceEachAndPrintOnOneLine() {
    ReadContext ctx = new ReadContext("t.yaml");
    ctx.problem(2, 1, "b", "second");
    ctx.problem(1, 5, "a", "first\nline");
    ctx.problem(2, 1, "b", "second");
    ctx.problem(0, 0, "", "whole file");

    assertThat(ctx.sortedProblems())
        .extracting(Problem::toString)
        .containsExactly(
            "t.yaml:1:1: yaml: whole file",
            "t.yaml:1:5: a: first\\u000Aline",
            "t.yaml:2:1: b: second");
  }
}
