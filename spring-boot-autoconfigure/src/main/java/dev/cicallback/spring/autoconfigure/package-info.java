/**
 * Spring Boot auto-configuration of a CI callback endpoint. With the starter on the class path, a controller method
 * {@code @PostMapping("/ci/callback") void on(@RequestBody Callback callback)} receives every valid callback, XML or
 * JSON whatever its {@code Content-Type}, as the model ({@code dev.cicallback.model.json.Callback});
 * {@link dev.cicallback.spring.autoconfigure.CallbackProblemAdvice} answers an invalid body with 400 and an RFC 9457
 * problem listing every problem, and a body over the limit with 413, before the controller is called.
 * {@link dev.cicallback.spring.autoconfigure.CiCallbackProperties} ({@code ci-callback.*}) sets the reader's mode and
 * limits; a {@code CallbackReader} bean of the service's own replaces the one built from them.
 *
 * <p>Second deliveries are dropped through a {@link dev.cicallback.spring.autoconfigure.CallbackDeduplicator}: in
 * memory, or shared by every instance in a table ({@link dev.cicallback.spring.autoconfigure.JdbcCallbackDeduplicator})
 * or in Redis ({@link dev.cicallback.spring.autoconfigure.RedisCallbackDeduplicator}). With spring-kafka on the class
 * path, {@link dev.cicallback.spring.autoconfigure.CiCallbackKafkaAutoConfiguration} gives {@code @KafkaListener}
 * methods the same model, reader, store and metrics.
 */
package dev.cicallback.spring.autoconfigure;
