package dev.cicallback.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O failures as the commands report them. */
final class IoFailure {

  private IoFailure() {}

  /** An I/O failure in words: the JDK's file exceptions carry only the path as their message. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (e instanceof FileSystemException other && other.getReason() != null) {
      return other.getReason() + ": " + other.getFile();
    }
    return e.getMessage();
  }
}
