package org.daysofchaos.agents.kubernetes;

/**
 * The labels and annotations of Days of Chaos on Kubernetes objects. Namespaces and nodes opt in
 * with {@link #ALLOW_CHAOS}; everything we change carries {@link #INJECTED} and the annotations
 * below until it is reverted.
 */
public final class Annotations {
  /** Common prefix of our labels and annotations. */
  public static final String PREFIX = "daysofchaos.org/";

  /** The opt-in label of namespaces and nodes: only {@code "true"} allows faults. */
  public static final String ALLOW_CHAOS = PREFIX + "allow-chaos";

  /** The value of {@link #ALLOW_CHAOS} that allows faults. */
  public static final String ALLOWED = "true";

  /** Label on every object we changed and have not reverted yet, so clean-ups can list them. */
  public static final String INJECTED = PREFIX + "injected";

  /** The injection id ({@code InjectionContext.injectionId}). */
  public static final String INJECTION = PREFIX + "injection";

  /** The run id ({@code InjectionContext.runId}). */
  public static final String RUN = PREFIX + "run";

  /** When the fault must be gone at the latest (ISO-8601 instant); a clean-up reverts it after. */
  public static final String EXPIRES_AT = PREFIX + "expires-at";

  /** The fault kind, e.g. {@code kubernetes/scale}. */
  public static final String FAULT = PREFIX + "fault";

  /** {@code kubernetes/scale}: the replica count before the fault. */
  public static final String ORIGINAL_REPLICAS = PREFIX + "original-replicas";

  /** {@code kubernetes/node-cordon}: whether the node was unschedulable before. */
  public static final String ORIGINAL_UNSCHEDULABLE = PREFIX + "original-unschedulable";

  /** {@code kubernetes/config-change}: the changed key of the ConfigMap. */
  public static final String CONFIG_KEY = PREFIX + "config-key";

  /**
   * {@code kubernetes/config-change} and {@code env-change}: whether the key or variable existed.
   */
  public static final String ORIGINAL_PRESENT = PREFIX + "original-present";

  /** {@code kubernetes/config-change}: the exact previous value of the key. */
  public static final String ORIGINAL_VALUE = PREFIX + "original-value";

  /** {@code kubernetes/env-change}: the container whose environment changed. */
  public static final String ENV_CONTAINER = PREFIX + "env-container";

  /** {@code kubernetes/env-change}: the environment variable that changed. */
  public static final String ENV_NAME = PREFIX + "env-name";

  /** {@code kubernetes/env-change}: the previous definition of the variable, as JSON. */
  public static final String ORIGINAL_ENV = PREFIX + "original-env";

  private Annotations() {}
}
