package dev.cicallback.validator.internal.core;

/**
 * A content-moderation body a check read: which of its two forms, and its root as the model
 * ({@code ModerationDetail} or {@code ModerationSimple} of {@code dev.cicallback.model.moderation.json}) when the quick
 * pass bound it, else null (the check's tree is then what to bind).
 *
 * @param simple the Simple form ({@code code}, {@code message}, {@code data}); false for the Detail form
 * @param bound the bound root, or null
 */
public record ModerationRead(boolean simple, Object bound) {}
