package org.daysofchaos.scoreboard.hosts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the agents' credentials and registry into CDI. */
@ApplicationScoped
public class HostAgentBeans {
  @Produces
  @Singleton
  AgentRegistry agentRegistry(
      Clock clock, @ConfigProperty(name = "chaos.agents.wait", defaultValue = "2s") Duration wait) {
    return new AgentRegistry(clock, wait);
  }

  @Produces
  @Singleton
  AgentCredentials agentCredentials(Db db, AuditLog audit, Clock clock, AgentRegistry registry) {
    return new AgentCredentials(db, audit, clock, registry::forget);
  }
}
