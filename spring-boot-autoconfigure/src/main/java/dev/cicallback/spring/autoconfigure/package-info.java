/**
 * Spring Boot auto-configuration of a CI callback endpoint. With the starter on the class path, a controller method
 * {@code @PostMapping("/ci/callback") void on(@RequestBody Callback callback)} receives every valid callback, XML or
 * JSON whatever its {@code Content-Type}, as the model ({@code dev.cicallback.model.json.Callback});
 * {@link dev.cicallback.spring.autoconfigure.CallbackProblemAdvice} answers an invalid body with 400 and an RFC 9457
 * problem listing every problem, and a body over the limit with 413, before the controller is called.
 * {@link dev.cicallback.spring.autoconfigure.CiCallbackProperties} ({@code ci-callback.*}) sets the reader's mode and
 * limits; a {@code CallbackReader} bean of the service's own replaces the one built from them.
 */
package dev.cicallback.spring.autoconfigure;
