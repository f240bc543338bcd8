package dev.cicallback.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The service: {@code java -cp ... dev.cicallback.examples.spring.CallbackApplication} listens on 127.0.0.1:8080. */
@SpringBootApplication
public class CallbackApplication {

  public static void main(String[] args) {
    SpringApplication.run(CallbackApplication.class, args);
  }
}
