package org.daysofchaos.experiments.kubernetes;

/** Which of the matching pods a pod fault touches. */
public enum PodSelection {
  /** One pod, at random. */
  ONE,
  /** Every matching pod. */
  ALL,
  /** {@code count} pods, at random. */
  COUNT,
  /** {@code percent} of the pods, rounded up, at random. */
  PERCENT
}
