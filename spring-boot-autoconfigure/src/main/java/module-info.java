/**
 * The Spring Boot auto-configuration of a CI callback endpoint. Spring's jars are automatic modules (the names are
 * their manifests' Automatic-Module-Name; the Kafka client's is named after its jar); Spring MVC, the Servlet API,
 * Spring WebFlux with Reactor, Micrometer, Spring Data Redis and Spring Kafka are optional, as in the POM.
 * The configuration's nested classes are package-private: Spring creates them by reflection, hence the opening.
 */
@SuppressWarnings("requires-automatic")
module dev.cicallback.spring.autoconfigure {
  requires transitive dev.cicallback.validator;
  requires spring.core;
  requires spring.beans;
  requires spring.context;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.web;
  requires static spring.webmvc;
  requires static jakarta.servlet;
  requires static spring.webflux;
  requires static reactor.core;
  requires static org.reactivestreams;
  requires static micrometer.core;
  requires java.sql;
  requires java.net.http;
  requires java.xml;
  requires static spring.tx;
  requires static spring.data.redis;
  requires static spring.kafka;
  requires static kafka.clients;
  requires static cos.api;

  exports dev.cicallback.spring.autoconfigure;

  opens dev.cicallback.spring.autoconfigure to spring.core, spring.beans, spring.context;
}
