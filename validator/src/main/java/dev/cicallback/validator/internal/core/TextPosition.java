package dev.cicallback.validator.internal.core;

/** A 1-based line and column in a payload; {@link #NONE} when unknown. */
public record TextPosition(int line, int column) {

  public static final TextPosition NONE = new TextPosition(0, 0);
}
