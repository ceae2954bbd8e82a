package org.daysofchaos.core.binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.NotBlank;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

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

  /** A point written as one text, {@code 3,4}: a class whose YAML is not its components. */
  @Notation(PointType.class)
  record Point(int x, int y) {}

  static final class PointType extends ScalarType {
    @Override
    protected Object convert(ScalarNode scalar) {
      String[] xy = scalar.getValue().split(",", -1);
      if (xy.length != 2) {
        throw new IllegalArgumentException("'" + scalar.getValue() + "' is not x,y");
      }
      return new Point(Integer.parseInt(xy[0].strip()), Integer.parseInt(xy[1].strip()));
    }

    @Override
    public String expected() {
      return "a point such as 3,4";
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode schema() {
      return JSON.objectNode().put("type", "string").put("pattern", "^[0-9]+,[0-9]+$");
    }
  }

  record Size(int width, int height) {}

  record Label(
      @NotBlank @Doc("What it says.") String text,
      @NotBlank Optional<String> font,
      Point at,
      Size size) {}

  @Test
  void recordComponentsMayBeNotBlankTextsRecordsOrClassesWithANotation() {
    ValueType label = Types.record(Label.class, "A label.");

    ReadContext ctx = new ReadContext("t.yaml");
    Object read =
        label.bind(
            SOURCE.compose("text: hi\nat: 3,4\nsize: {width: 2, height: 1}\n", ctx), "", ctx);

    assertThat(ctx.sortedProblems()).isEmpty();
    assertThat(read).isEqualTo(new Label("hi", Optional.empty(), new Point(3, 4), new Size(2, 1)));
    assertThat(bind(label, "text: ' '\nfont: ''\nat: 3\nsize: {width: 2}\n"))
        .containsExactly(
            "t.yaml:1:7: text: must not be empty",
            "t.yaml:2:7: font: must not be empty",
            "t.yaml:3:5: at: '3' is not x,y",
            "t.yaml:4:7: size.height: is missing; expected a whole number");
    assertThat(label.schema().toString())
        .contains(
            "\"text\":{\"description\":\"What it says.\",\"type\":\"string\",\"pattern\":\"\\\\S\"}")
        .contains("\"at\":{\"type\":\"string\",\"pattern\":\"^[0-9]+,[0-9]+$\"}");
  }

  record Misplaced(@NotBlank int count) {}

  @Test
  void notBlankIsOnlyForTexts() {
    assertThatThrownBy(() -> Types.record(Misplaced.class, "Wrong."))
        .hasMessage("Misplaced.count: @NotBlank is only for texts");
  }
}
