/**
 * Implementation of the embedded fault proxy; not an API.
 *
 * <p>Three parts, each confined to its own threads so that no lock sits on the data path:
 *
 * <ul>
 *   <li>the <em>admin</em> side ({@link org.daysofchaos.agents.proxy.internal.ProxyRegistry}, the
 *       HTTP API in {@link org.daysofchaos.agents.proxy.internal.ApiRouter}) runs on one admin
 *       event loop, which reads the API requests, serialises every change like Toxiproxy's locks
 *       do, and answers;
 *   <li>the <em>data path</em> ({@link org.daysofchaos.agents.proxy.internal.ProxyConnection},
 *       {@link org.daysofchaos.agents.proxy.internal.Link} and the toxic stages) runs on Netty
 *       event loops, both channels of a connection on the same loop;
 *   <li>they meet through an immutable {@link org.daysofchaos.agents.proxy.internal.ToxicChain}
 *       published in a volatile field before the API answers: every read on the data path compares
 *       it with the chain it last applied, so data read after the call returns sees the change on
 *       existing connections too; the admin thread also pushes the change to each connection's
 *       loop, which starts timers and releases held data at once.
 * </ul>
 */
package org.daysofchaos.agents.proxy.internal;
