package org.daysofchaos.experiments.host;

/** The transport protocol a {@link PortBlock} matches. */
public enum PortProtocol {
  TCP,
  UDP
}
