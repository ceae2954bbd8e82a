package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiRequestDecoderTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new ApiRequestDecoder());

  @Test
  void decodesARequestWithABodySplitAcrossReads() {
    write("POST /proxies HTTP/1.1\r\nHost: x\r\nContent-Le");
    write("ngth: 11\r\n\r\n{\"a\":");
    assertThat((Object) channel.readInbound()).isNull();
    write(" 1234}");

    ApiRequest request = channel.readInbound();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/proxies");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1234}");
    assertThat(request.keepAlive()).isTrue();
    assertThat(request.error()).isNull();
  }

  @Test
  void decodesPipelinedRequestsInOrder() {
    write(
        "GET /version HTTP/1.1\r\n\r\nDELETE /proxies/a?x=1 HTTP/1.1\r\nConnection: close\r\n\r\n");

    ApiRequest first = channel.readInbound();
    ApiRequest second = channel.readInbound();
    assertThat(first.path()).isEqualTo("/version");
    assertThat(second.method()).isEqualTo("DELETE");
    assertThat(second.path()).isEqualTo("/proxies/a");
    assertThat(second.keepAlive()).isFalse();
  }

  @Test
  void decodesAChunkedBody() {
    write("POST /reset HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
    assertThat((Object) channel.readInbound()).isNull();
    write("2;ext=1\r\nde\r\n0\r\n\r\n");

    ApiRequest request = channel.readInbound();
    assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo("abcde");
  }

  @Test
  void answersExpectContinueBeforeTheBody() {
    write("POST /proxies HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");

    ByteBuf interim = channel.readOutbound();
    assertThat(interim.toString(StandardCharsets.US_ASCII))
        .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    interim.release();
    write("{}");
    assertThat(((ApiRequest) channel.readInbound()).body()).hasSize(2);
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() {
    write("GET /version HTTP/1.0\r\n\r\n");

    assertThat(((ApiRequest) channel.readInbound()).keepAlive()).isFalse();
  }

  @Test
  void aMalformedRequestBecomesAnErrorAndTheRestIsIgnored() {
    write("NONSENSE\r\n\r\nGET /version HTTP/1.1\r\n\r\n");

    ApiRequest request = channel.readInbound();
    assertThat(request.error()).isEqualTo("malformed request line");
    assertThat((Object) channel.readInbound()).isNull();
  }

  private void write(String data) {
    channel.writeInbound(Unpooled.copiedBuffer(data, StandardCharsets.ISO_8859_1));
  }
}
