/**
 * An embedded network-fault proxy that speaks Toxiproxy's HTTP API.
 *
 * <p>Real pre-production puts Toxiproxy servers in front of dependencies, but Toxiproxy is a Go
 * binary that a Java user cannot get from Maven, and Testcontainers needs Docker. {@link
 * org.daysofchaos.agents.proxy.EmbeddedToxiproxy} is a Netty TCP proxy that runs inside the JVM
 * (tests, the demo, the zero-install default) and answers Toxiproxy's documented HTTP API with the
 * same toxics and semantics, so the toxiproxy-java client, and therefore one injector and one
 * compatibility suite, drive both it and a real Toxiproxy server.
 *
 * <p>The public surface is deliberately small: start, create a proxy, find where it listens, close.
 * Everything else goes through the HTTP API. The implementation lives in {@code
 * org.daysofchaos.agents.proxy.internal}; see {@code docs/adr/0003-embedded-proxy-semantics.md} for
 * the behaviour it follows and where it chooses for itself.
 */
package org.daysofchaos.agents.proxy;
