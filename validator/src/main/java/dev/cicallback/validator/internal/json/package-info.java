/**
 * Not API. The JSON form: the validator that runs the quick verdict and, at a doubt, the full JSON Schema evaluation;
 * the wording of its reports; the model's object mapper; the recognition of bodies the contract does not cover.
 */
package dev.cicallback.validator.internal.json;
