package dev.strata.adapters.rest.posts;

import dev.strata.core.posts.Member;
import java.time.Instant;

/** A channel member as the API shows it; {@code role} is {@code owner} or {@code member}. */
public record MemberResponse(String channelId, String accountId, String role, Instant joinedAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.channelId().value(), member.accountId().value(),
                member.owner() ? "owner" : "member", member.joinedAt());
    }
}
