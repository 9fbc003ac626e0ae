package dev.strata.adapters.grpc.posts;

import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.ProtoTimes;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.Channel;
import dev.strata.adapters.grpc.v1.Member;
import dev.strata.adapters.grpc.v1.Post;

/** Core's posts, channels and members as {@code strata.v1} messages, field by field. */
final class PostMessages {

    private PostMessages() {
    }

    static Post toProto(dev.strata.core.posts.Post post) {
        Post.Builder message = Post.newBuilder()
                .setName(ResourceNames.of(post.id()))
                .setAuthor(ResourceNames.of(post.authorId()))
                .setBody(post.body())
                .setCreateTime(ProtoTimes.of(post.createdAt()))
                .setUpdateTime(ProtoTimes.of(post.updatedAt()))
                .setEtag(Etags.of(post.version()));
        post.channelId().ifPresent(channel -> message.setChannel(ResourceNames.of(channel)));
        return message.build();
    }

    static Channel toProto(dev.strata.core.posts.Channel channel) {
        return Channel.newBuilder()
                .setName(ResourceNames.of(channel.id()))
                .setDisplayName(channel.name())
                .setOwner(ResourceNames.of(channel.ownerId()))
                .setCreateTime(ProtoTimes.of(channel.createdAt()))
                .setEtag(Etags.of(channel.version()))
                .build();
    }

    static Member toProto(dev.strata.core.posts.Member member) {
        return Member.newBuilder()
                .setName(ResourceNames.of(member.channelId(), member.accountId()))
                .setAccount(ResourceNames.of(member.accountId()))
                .setJoinTime(ProtoTimes.of(member.joinedAt()))
                .setOwner(member.owner())
                .build();
    }
}
