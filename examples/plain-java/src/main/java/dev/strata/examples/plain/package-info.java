/**
 * A plain Java service embedding Strata's identity, posts and orders: {@link
 * dev.strata.examples.plain.StrataServices} is the whole wiring, {@link
 * dev.strata.examples.plain.ShopDemo} a first visit through it.
 */
package dev.strata.examples.plain;
