package dev.cicallback.validator;

/** A 1-based line and column in a payload; {@link #NONE} when unknown. */
record TextPosition(int line, int column) {

  static final TextPosition NONE = new TextPosition(0, 0);
}
