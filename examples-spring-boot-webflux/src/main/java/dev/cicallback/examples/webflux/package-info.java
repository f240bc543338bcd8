/**
 * A reactive Spring Boot service (Spring WebFlux on Reactor Netty) with a CI callback endpoint through
 * ci-callback-spring-boot-starter-webflux: {@link dev.cicallback.examples.webflux.CallbackController} is the one
 * method, {@link dev.cicallback.examples.webflux.FinishedJobs} what the service does with a callback.
 */
package dev.cicallback.examples.webflux;
