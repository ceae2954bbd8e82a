package org.daysofchaos.demo;

import java.io.IOException;

/**
 * A stand-in for the game-day server in {@link DemoProcessIT}: starts the demo in its own process,
 * prints {@code DEMO <demo pid> <inventory pid>}, and waits to be killed.
 */
public final class DemoParent {
  private DemoParent() {}

  public static void main(String[] args) throws IOException {
    DemoProcess demo = DemoProcess.start(5, 0, 0, 0);
    System.out.println("DEMO " + demo.pid() + " " + demo.inventoryPid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Waits for the test to kill it (or to close its input).
    }
    demo.close();
  }
}
