/**
 * Not API. What a job of a Tag with a per-Tag entry must carry in strict mode beyond the union entry
 * ({@link dev.cicallback.validator.internal.tag.TagRules}, from the contract's
 * {@code Contract.tagRequirements}), and the watch that checks each job of a payload against it as the other passes
 * read it ({@link dev.cicallback.validator.internal.tag.JobWatch}), fed by XML events or JSON tokens. A payload that
 * cannot hold such a Tag is never watched, so the quick verdicts keep their speed for every other Tag.
 */
package dev.cicallback.validator.internal.tag;
