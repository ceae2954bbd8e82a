package org.daysofchaos.scoreboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the sign-in page may send a browser afterwards: a path of this site, never another site.
 * Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so those are
 * refused before the rest is parsed.
 */
class SafeNextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example/",
        "/\t/evil.example",
        "/\r/evil.example",
        "/\n/evil.example",
        "\t//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "/ /evil.example",
        "evil.example",
        "",
        "/\u0000/evil.example",
        "/\u007f/evil.example"
      })
  void anythingButAPathOfThisSiteGoesHome(String next) {
    assertThat(Pages.safeNext(next)).as(next).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/play", "/board/demo-day", "/reports/demo-day?format=pdf", "/a#b"})
  void aPathOfThisSiteIsKept(String next) {
    assertThat(Pages.safeNext(next)).isEqualTo(next);
  }
}
