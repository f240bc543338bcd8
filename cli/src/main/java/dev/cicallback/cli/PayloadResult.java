package dev.cicallback.cli;

import dev.cicallback.validator.ValidationResult;

/** The verdict on one payload, with the name the reports show for it ({@code -} for standard input). */
record PayloadResult(String path, ValidationResult result) {}
