/** The service-level suite for closing an account, run over every set of stores. */
package dev.strata.contracts.closing;
