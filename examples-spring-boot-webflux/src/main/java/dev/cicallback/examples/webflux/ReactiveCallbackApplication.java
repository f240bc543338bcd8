package dev.cicallback.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The reactive service: listens on 127.0.0.1:8080 (Reactor Netty). */
@SpringBootApplication
public class ReactiveCallbackApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReactiveCallbackApplication.class, args);
  }
}
