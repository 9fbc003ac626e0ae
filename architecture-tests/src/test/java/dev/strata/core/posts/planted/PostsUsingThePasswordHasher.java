package dev.strata.core.posts.planted;

import dev.strata.core.identity.PasswordHasher;

/** A planted violation: the posts feature using an identity internal instead of IdentityService. */
public class PostsUsingThePasswordHasher {

    public boolean check(PasswordHasher hasher) {
        return hasher.verify("password", "hash");
    }
}
