package org.daysofchaos.core.scoring;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list that only grows, whose prefixes can be taken in O(1) and read later from any thread while
 * it keeps growing: growing copies into a new array and leaves the old one as it was, and an
 * element, once written, is never written again. That is what lets a live board hand out a snapshot
 * of every team's lines without copying them (docs/benchmarks.md, "Leaderboard and plays"). The
 * writer is one thread at a time (the caller's lock); a prefix must be taken under the same lock
 * and published safely.
 */
public final class AppendOnly<T> {
  private Object[] items = new Object[8];
  private int size;

  public void add(T item) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = item;
  }

  public int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return (T) items[index];
  }

  /** The elements added so far, as an unmodifiable list that later additions do not change. */
  public List<T> prefix() {
    return new Prefix<>(items, size);
  }

  private static final class Prefix<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] items;
    private final int size;

    Prefix(Object[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return (T) items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
