package org.daysofchaos.agents.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {
  @Test
  void theClientIsMadeAtTheFirstUseAndOnlyOnce() {
    AtomicInteger made = new AtomicInteger();
    LazyHttpClient lazy =
        LazyHttpClient.of(
            () -> {
              made.incrementAndGet();
              return HttpClient.newBuilder().build();
            });

    assertThat(made).hasValue(0);
    HttpClient first = lazy.get();

    assertThat(lazy.get()).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void aGivenClientIsUsedAsItIs() {
    HttpClient client = HttpClient.newBuilder().build();

    assertThat(LazyHttpClient.given(client).get()).isSameAs(client);
  }
}
