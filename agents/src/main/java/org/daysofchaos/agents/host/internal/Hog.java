package org.daysofchaos.agents.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The process that burns CPU or holds memory for the agent, so that the load is measurable on its
 * own (its RSS, its CPU time) and ends with it. It says {@code ready} once the load is in place,
 * and exits when its standard input closes: when the agent exits, even by SIGKILL, the hog goes
 * too.
 *
 * <p>{@code java -Ddays-of-chaos-hog=ID ... Hog cpu CORES PERCENT} or {@code ... Hog memory BYTES};
 * the marker names the injection on its command line, so that a restarted agent finds what it left.
 */
public final class Hog {
  private static final int WINDOW_MS = 100;
  private static final int CHUNK = 16 << 20;

  private Hog() {}

  public static void main(String[] args) throws Exception {
    List<Object> held = new ArrayList<>();
    switch (args[0]) {
      case "cpu" -> burn(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "memory" -> hold(Long.parseLong(args[1]), held);
      default -> throw new IllegalArgumentException("unknown load " + args[0]);
    }
    System.out.println("ready");
    System.out.flush();
    waitForEndOfInput(System.in);
    held.clear();
    System.exit(0);
  }

  private static void burn(int cores, int percent) {
    for (int i = 0; i < cores; i++) {
      Thread t = new Thread(() -> busy(percent), "burn-" + i);
      t.setDaemon(true);
      t.start();
    }
  }

  /** Busy for {@code percent} of each 100 ms window, asleep for the rest. */
  private static void busy(int percent) {
    long busyNanos = WINDOW_MS * 1_000_000L * percent / 100;
    long x = 0;
    while (true) {
      long start = System.nanoTime();
      while (System.nanoTime() - start < busyNanos) {
        x += start ^ x;
      }
      if (percent < 100) {
        try {
          Thread.sleep(WINDOW_MS - percent * WINDOW_MS / 100);
        } catch (InterruptedException e) {
          return;
        }
      }
      if (x == 42) {
        System.out.print(""); // keeps the loop from being optimised away
      }
    }
  }

  /** Direct buffers are zeroed when allocated, so every page is touched and counts in the RSS. */
  private static void hold(long bytes, List<Object> held) {
    long left = bytes;
    while (left > 0) {
      int size = (int) Math.min(CHUNK, left);
      ByteBuffer buffer = ByteBuffer.allocateDirect(size);
      for (int i = 0; i < size; i += 4096) {
        buffer.put(i, (byte) 1);
      }
      held.add(buffer);
      left -= size;
    }
  }

  private static void waitForEndOfInput(InputStream in) throws IOException {
    byte[] buffer = new byte[64];
    while (in.read(buffer) >= 0) {
      // anything written is ignored; only the end matters
    }
  }
}
