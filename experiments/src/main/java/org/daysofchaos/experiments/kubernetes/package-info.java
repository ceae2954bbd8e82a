/**
 * The Kubernetes target kind ({@link org.daysofchaos.experiments.kubernetes.KubernetesTarget}: pods
 * by selector, a deployment, a statefulset, a ConfigMap or a node) and the Kubernetes fault and
 * probe kinds: pod kill, scale-down, rollout restart, network partition, node cordon and drain,
 * ConfigMap and environment changes; pods ready, available replicas, recent restarts. Plain
 * records: the injectors and runners in {@code agents} apply and evaluate them (with fabric8), and
 * refuse namespaces and nodes that have not opted in.
 */
package org.daysofchaos.experiments.kubernetes;
