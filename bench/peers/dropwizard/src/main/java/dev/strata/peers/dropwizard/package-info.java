/** The Dropwizard peer of Strata's benchmarks (bench/run): two of Strata's endpoints. */
package dev.strata.peers.dropwizard;
