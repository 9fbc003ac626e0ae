package dev.strata.adapters.rest.posts;

import dev.strata.core.posts.Member;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;

/** A channel member as the API shows it; {@code role} is {@code owner} or {@code member}. */
@Schema(name = "Member", description = "A member of a channel.")
public record MemberResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "chan_01jd8zqk3v5m9w2x4y6z8a0b1c") String channelId,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String accountId,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"owner", "member"}) String role,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant joinedAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.channelId().value(), member.accountId().value(),
                member.owner() ? "owner" : "member", member.joinedAt());
    }
}
