package dev.cicallback.validator.internal.core;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed on first use, once, safely from many threads: compiled schemas cost start-up time. */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> compute;
  private volatile T value;

  public Lazy(Supplier<T> compute) {
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(compute.get(), "lazy value");
          value = result;
        }
      }
    }
    return result;
  }
}
