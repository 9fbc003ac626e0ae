package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Link;
import dev.strata.core.posts.Member;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A channel member as the API shows it; {@code role} is {@code owner} or {@code member}. */
@Schema(name = "Member", description = "A member of a channel.")
public record MemberResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "chan_01jd8zqk3v5m9w2x4y6z8a0b1c") String channelId,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String accountId,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"owner", "member"}) String role,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant joinedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxProperties = 10, description = "Links by relation: self,"
                + " channel, posts (the member's posts).")
        @JsonProperty("_links") Map<String, Link> links) {

    /** The strong tag of a member's representation: channel, account, role and when it joined. */
    static EntityTag tagOf(Member member) {
        return EntityTags.of(member.channelId().value(), member.accountId().value(), member.owner(), member.joinedAt());
    }

    static MemberResponse of(Member member) {
        String channel = ChannelResponse.path(member.channelId());
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(channel + "/members/" + member.accountId().value()));
        links.put("channel", new Link(channel));
        links.put("posts", new Link("/v1/accounts/" + member.accountId().value() + "/posts"));
        return new MemberResponse(member.channelId().value(), member.accountId().value(),
                member.owner() ? "owner" : "member", member.joinedAt(), links);
    }
}
