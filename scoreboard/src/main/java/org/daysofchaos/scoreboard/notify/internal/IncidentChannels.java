package org.daysofchaos.scoreboard.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.scoreboard.notify.IncidentFacts;

/**
 * Hears one incident's run and queues what each channel should be told: at once for game masters;
 * for players, everything held until the verdict, then in order. Only queues: the run's thread
 * never waits on a channel.
 */
public final class IncidentChannels implements RunListener {
  private final IncidentFacts incident;
  private final List<Channel> channels;
  private final Dispatcher dispatcher;
  private final List<Held> held = new ArrayList<>();

  private record Held(Channel channel, Note note) {}

  public IncidentChannels(IncidentFacts incident, List<Channel> channels, Dispatcher dispatcher) {
    this.incident = incident;
    this.channels = List.copyOf(channels);
    this.dispatcher = dispatcher;
  }

  @Override
  public synchronized void onEvent(JournalEvent event) {
    Optional<Note> note = Note.of(event, incident);
    if (note.isEmpty()) {
      return;
    }
    boolean over = event.type() == EventType.VERDICT;
    for (Channel channel : channels) {
      if (!channel.hears(note.get().event())) {
        continue;
      }
      if (channel.forPlayers() && !over) {
        held.add(new Held(channel, note.get()));
      } else {
        if (over) {
          release(channel);
        }
        send(channel, note.get());
      }
    }
    if (over) {
      channels.forEach(this::release);
    }
  }

  /** Sends what was held for {@code channel}, in the order it happened. */
  private void release(Channel channel) {
    held.removeIf(
        h -> {
          if (h.channel() != channel) {
            return false;
          }
          send(channel, h.note());
          return true;
        });
  }

  private void send(Channel channel, Note note) {
    dispatcher.offer(channel, Payloads.body(channel, note, incident.gameDayId()));
  }

  @Override
  public String toString() {
    return "notifications of incident " + incident.incidentId();
  }
}
