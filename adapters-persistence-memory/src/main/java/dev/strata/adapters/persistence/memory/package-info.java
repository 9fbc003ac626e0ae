/**
 * In-memory stores for every port of the core, for tests and for embedding where nothing needs to
 * survive the process; this package holds what they share (one lock per store, list queries
 * evaluated in Java).
 */
package dev.strata.adapters.persistence.memory;
