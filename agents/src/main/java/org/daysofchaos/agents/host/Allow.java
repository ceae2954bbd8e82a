package org.daysofchaos.agents.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.environment.ProcessConfig;

/**
 * What the host lets the server touch: processes, files and disks by the names faults use, ports
 * and network interfaces, and amounts. Absent means refused: without {@code cpu}, no CPU burn.
 */
public record Allow(
    Map<String, ProcessConfig> processes,
    Map<String, FileConfig> files,
    Map<String, DiskConfig> disks,
    Optional<CpuLimits> cpu,
    Optional<MemoryLimits> memory,
    List<Integer> ports,
    NetworkLimits network) {
  public Allow {
    processes = Map.copyOf(processes);
    files = Map.copyOf(files);
    disks = Map.copyOf(disks);
    ports = List.copyOf(ports);
  }

  /** Without network faults' interfaces and limits (the defaults). */
  public Allow(
      Map<String, ProcessConfig> processes,
      Map<String, FileConfig> files,
      Map<String, DiskConfig> disks,
      Optional<CpuLimits> cpu,
      Optional<MemoryLimits> memory,
      List<Integer> ports) {
    this(processes, files, disks, cpu, memory, ports, NetworkLimits.none());
  }

  /** Nothing allowed. */
  public static Allow nothing() {
    return new Allow(Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), List.of());
  }
}
