package dev.cicallback.cli.simulate;

/**
 * A kind of callback {@code trigger} can send: its name ({@code tts-success}), the fixture it is made from (a path
 * under the packaged fixtures, {@code xml/valid-seed-case1-task-api.xml}) and a line saying what it is.
 */
public record Event(String name, String fixture, String summary) {}
