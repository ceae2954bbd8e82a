package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.daysofchaos.core.spi.MetricSample;
import org.junit.jupiter.api.Test;

class PromQlResponseTest {

  @Test
  void readsEverySeriesOfAVectorWithItsLabels() throws IOException {
    String body =
        """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"up","job":"booking","instance":"a:1"},"value":[1700000000.5,"1"]},
          {"metric":{"job":"payment"},"value":[1700000000.5,"0.25"]}]}}
        """;

    assertThat(PromQlResponse.samples("up", body))
        .containsExactly(
            new MetricSample(Map.of("__name__", "up", "job", "booking", "instance", "a:1"), 1),
            new MetricSample(Map.of("job", "payment"), 0.25));
  }

  @Test
  void readsAScalarAsOneSeriesWithoutLabels() throws IOException {
    String body =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"42\"]}}";

    assertThat(PromQlResponse.samples("scalar(up)", body)).containsExactly(MetricSample.of(42));
  }

  @Test
  void readsNanAndInfinities() throws IOException {
    String body =
        """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"a":"1"},"value":[1,"NaN"]},
          {"metric":{"a":"2"},"value":[1,"+Inf"]},
          {"metric":{"a":"3"},"value":[1,"-Inf"]}]}}
        """;

    assertThat(PromQlResponse.samples("q", body))
        .extracting(MetricSample::value)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Test
  void anEmptyVectorIsNoSeries() throws IOException {
    String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

    assertThat(PromQlResponse.samples("absent_metric", body)).isEmpty();
  }

  @Test
  void refusesARangeVectorAndSaysHowToFixTheQuery() {
    String body =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1,\"1\"],[2,\"2\"]]}]}}";

    assertThatThrownBy(() -> PromQlResponse.samples("m[1m]", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "'m[1m]' returns a range vector; wrap it in a function such as rate(...)");
  }

  @Test
  void refusesAString() {
    String body =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}";

    assertThatThrownBy(() -> PromQlResponse.samples("\"x\"", body))
        .hasMessageContaining("returns a string, not a number");
  }

  @Test
  void showsTheErrorPrometheusGave() {
    String body =
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:6: parse error: unclosed"
            + " left parenthesis\"}";

    assertThatThrownBy(() -> PromQlResponse.samples("rate(x", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Prometheus refused 'rate(x': bad_data: 1:6: parse error: unclosed left parenthesis");
    assertThat(PromQlResponse.error(body))
        .contains("bad_data: 1:6: parse error: unclosed left parenthesis");
  }

  @Test
  void refusesWhatIsNotAnAnswerOfThePrometheusApi() {
    assertThatThrownBy(() -> PromQlResponse.samples("up", "<html>502 Bad Gateway</html>"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(
            () ->
                PromQlResponse.samples(
                    "up",
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,2]}]}}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not [time, \"value\"]");
  }
}
