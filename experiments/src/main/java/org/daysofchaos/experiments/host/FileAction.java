package org.daysofchaos.experiments.host;

/** What a {@link FileChange} does to its file. */
public enum FileAction {
  /** The file's content becomes {@code content}. */
  REPLACE,
  /** {@code content} is added at the end of the file. */
  APPEND,
  /** The file is removed. */
  DELETE
}
