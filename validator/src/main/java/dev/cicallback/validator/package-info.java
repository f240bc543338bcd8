/**
 * The public API: {@link dev.cicallback.validator.CallbackValidator} (is this payload a valid callback, and what is
 * wrong where), {@link dev.cicallback.validator.CallbackReader} (the payload as the model),
 * {@link dev.cicallback.validator.CallbackWriter} (the model in either wire form), their
 * {@link dev.cicallback.validator.ValidatorOptions}, and the results and problems they give. Everything under
 * {@code dev.cicallback.validator.internal} is not API and may change in any release.
 */
package dev.cicallback.validator;
