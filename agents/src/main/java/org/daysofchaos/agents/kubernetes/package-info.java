/**
 * Kubernetes faults and probes on fabric8's client: one class per fault kind over the shared {@link
 * org.daysofchaos.agents.kubernetes.KubernetesFaultInjector} (target resolution, the mark, the
 * revertible injection), built by {@link org.daysofchaos.agents.kubernetes.KubernetesBackend}. Only
 * namespaces and nodes that carry the opt-in label {@code daysofchaos.org/allow-chaos=true} can be
 * targeted; every object we change carries annotations naming the injection, its expiry and the
 * original values, so that a revert, a restart after a crash ({@link
 * org.daysofchaos.agents.kubernetes.KubernetesReverter}) or a clean-up ({@link
 * org.daysofchaos.agents.kubernetes.KubernetesCleanup}) can put it back. See {@code
 * docs/kubernetes.md}.
 */
package org.daysofchaos.agents.kubernetes;
