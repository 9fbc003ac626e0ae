/**
 * The HTTP server under the REST API: {@link dev.strata.adapters.rest.grizzly.GrizzlyServers} builds
 * a Grizzly server with a strict HTTP/1.1 codec, bounded request heads, read timeouts, compression
 * and problem-shaped error pages, the same for the app and the tests.
 */
package dev.strata.adapters.rest.grizzly;
