package org.daysofchaos.core.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The classes registered for a type in the standard {@code META-INF/services} index, which
 * {@code @AutoService} writes at compile time: fault and probe records, and each backend's
 * injectors. Adding a class to the index is what makes it part of the catalog or of its backend; no
 * hand-written list has to name it (docs/adr/0007).
 *
 * <p>{@link java.util.ServiceLoader} reads the same index but insists on a public no-arg
 * constructor for every entry, even to list the classes; records and injectors built with their
 * backend's context have none. So the index is read here, and the classes are built by the caller.
 */
public final class Registrations {
  private static final String INDEX = "META-INF/services/";

  private Registrations() {}

  /**
   * The classes registered for {@code type}, ordered by class name (the index's order depends on
   * the class path), loaded but not initialised.
   *
   * @throws IllegalStateException when an entry is missing or does not extend {@code type}
   */
  public static <T> List<Class<? extends T>> classes(Class<T> type) {
    ClassLoader loader = type.getClassLoader();
    List<Class<? extends T>> classes = new ArrayList<>();
    for (String name : names(type, loader)) {
      classes.add(load(type, name, loader));
    }
    return Collections.unmodifiableList(classes);
  }

  /**
   * One instance of each class registered for {@code type}, built with its public constructor that
   * takes the {@code context} (a backend's servers, processes or cluster).
   *
   * @throws IllegalStateException when a class has no such constructor or it fails
   */
  public static <T, C> List<T> instances(Class<T> type, Class<C> contextType, C context) {
    List<T> instances = new ArrayList<>();
    for (Class<? extends T> registered : classes(type)) {
      instances.add(construct(registered, type, contextType, context));
    }
    return Collections.unmodifiableList(instances);
  }

  private static TreeSet<String> names(Class<?> type, ClassLoader loader) {
    TreeSet<String> names = new TreeSet<>(Comparator.naturalOrder());
    try {
      for (URL url : Collections.list(loader.getResources(INDEX + type.getName()))) {
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          in.lines()
              .map(line -> line.replaceFirst("#.*", "").trim())
              .filter(line -> !line.isEmpty())
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index of " + type.getName(), e);
    }
    return names;
  }

  private static <T> Class<? extends T> load(Class<T> type, String name, ClassLoader loader) {
    Class<?> loaded;
    try {
      loaded = Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          name + " is registered as a " + type.getName() + " but cannot be found", e);
    }
    if (!type.isAssignableFrom(loaded)) {
      throw new IllegalStateException(
          name + " is registered as a " + type.getName() + " but is not one");
    }
    return loaded.asSubclass(type);
  }

  private static <T, C> T construct(
      Class<? extends T> registered, Class<T> type, Class<C> contextType, C context) {
    try {
      return registered.getConstructor(contextType).newInstance(context);
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new IllegalStateException(
          registered.getName()
              + " is registered as a "
              + type.getSimpleName()
              + " and needs a public constructor taking "
              + contextType.getSimpleName(),
          e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot build " + registered.getName() + ": " + e.getCause(), e.getCause());
    }
  }
}
