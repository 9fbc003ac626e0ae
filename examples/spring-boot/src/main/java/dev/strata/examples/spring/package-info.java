/**
 * A Spring Boot application embedding Strata: the services as beans over Spring's DataSource
 * ({@link dev.strata.examples.spring.StrataConfiguration}), thin Spring MVC controllers ({@link
 * dev.strata.examples.spring.ShopController}) and Strata's exceptions as problem details ({@link
 * dev.strata.examples.spring.StrataProblems}).
 */
package dev.strata.examples.spring;
