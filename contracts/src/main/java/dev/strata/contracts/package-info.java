/**
 * What the contract suites share: {@link dev.strata.contracts.Checks} and
 * {@link dev.strata.contracts.RuleReporter}, which make every failure name the rule of the port that
 * was broken, and the test helpers {@link dev.strata.contracts.MutableClock} (a clock that moves
 * only when told) and {@link dev.strata.contracts.Race} (one action on many threads at once).
 */
package dev.strata.contracts;
