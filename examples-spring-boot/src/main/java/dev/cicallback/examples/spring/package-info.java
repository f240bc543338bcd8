/**
 * A Spring Boot service with a CI callback endpoint through ci-callback-spring-boot-starter: {@link
 * dev.cicallback.examples.spring.CallbackController} is the one method, {@link
 * dev.cicallback.examples.spring.FinishedJobs} what the service does with a callback, and {@code
 * application.properties} the embedded server's hardening.
 */
package dev.cicallback.examples.spring;
