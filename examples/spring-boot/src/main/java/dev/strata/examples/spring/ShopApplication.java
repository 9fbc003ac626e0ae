package dev.strata.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A Spring Boot application whose accounts, sessions and orders are Strata's services. */
@SpringBootApplication
@EnableScheduling
public class ShopApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
