/**
 * The posts resources: posts ({@code /v1/posts}), an account's posts, and channels with their
 * members and posts ({@code /v1/channels}), with their request and response bodies and list
 * parameters; each call translates HTTP to calls of the posts service and back.
 */
package dev.strata.adapters.rest.posts;
