package dev.strata.adapters.grpc.posts;

import static dev.strata.adapters.grpc.call.Replies.reply;

import dev.strata.adapters.grpc.call.Callers;
import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.FieldMasks;
import dev.strata.adapters.grpc.call.FieldPaths;
import dev.strata.adapters.grpc.call.IdempotencyKeys;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.AddMemberRequest;
import dev.strata.adapters.grpc.v1.AddMemberResponse;
import dev.strata.adapters.grpc.v1.CreateChannelRequest;
import dev.strata.adapters.grpc.v1.CreateChannelResponse;
import dev.strata.adapters.grpc.v1.CreatePostRequest;
import dev.strata.adapters.grpc.v1.CreatePostResponse;
import dev.strata.adapters.grpc.v1.DeleteChannelRequest;
import dev.strata.adapters.grpc.v1.DeleteChannelResponse;
import dev.strata.adapters.grpc.v1.DeletePostRequest;
import dev.strata.adapters.grpc.v1.DeletePostResponse;
import dev.strata.adapters.grpc.v1.GetChannelRequest;
import dev.strata.adapters.grpc.v1.GetChannelResponse;
import dev.strata.adapters.grpc.v1.GetMemberRequest;
import dev.strata.adapters.grpc.v1.GetMemberResponse;
import dev.strata.adapters.grpc.v1.GetPostRequest;
import dev.strata.adapters.grpc.v1.GetPostResponse;
import dev.strata.adapters.grpc.v1.LeaveChannelRequest;
import dev.strata.adapters.grpc.v1.LeaveChannelResponse;
import dev.strata.adapters.grpc.v1.ListChannelsRequest;
import dev.strata.adapters.grpc.v1.ListChannelsResponse;
import dev.strata.adapters.grpc.v1.ListMembersRequest;
import dev.strata.adapters.grpc.v1.ListMembersResponse;
import dev.strata.adapters.grpc.v1.ListPostsRequest;
import dev.strata.adapters.grpc.v1.ListPostsResponse;
import dev.strata.adapters.grpc.v1.PostServiceGrpc;
import dev.strata.adapters.grpc.v1.RemoveMemberRequest;
import dev.strata.adapters.grpc.v1.RemoveMemberResponse;
import dev.strata.adapters.grpc.v1.SearchPostsRequest;
import dev.strata.adapters.grpc.v1.SearchPostsResponse;
import dev.strata.adapters.grpc.v1.UpdateChannelRequest;
import dev.strata.adapters.grpc.v1.UpdateChannelResponse;
import dev.strata.adapters.grpc.v1.UpdatePostRequest;
import dev.strata.adapters.grpc.v1.UpdatePostResponse;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Member;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import dev.strata.core.posts.PostService;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code strata.v1.PostService} over {@link PostService}: each method translates its request into
 * one service call (or, for an update, a read of the caller's own post and the change) and the
 * result into its response; every rule is the service's.
 */
public final class PostGrpcService extends PostServiceGrpc.PostServiceImplBase {

    private static final String ACCOUNTS = "accounts/";
    private static final String CHANNELS = "channels/";

    private final PostService posts;

    /** The service over {@code posts}. */
    public PostGrpcService(PostService posts) {
        this.posts = Objects.requireNonNull(posts, "posts");
    }

    @Override
    public void createPost(CreatePostRequest request, StreamObserver<CreatePostResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        Optional<IdempotencyKey> key = IdempotencyKeys.of(request.getRequestId());
        String channel = request.getPost().getChannel();
        String body = request.getPost().getBody();
        Created<Post> created = FieldPaths.under("post", Map.of(), () -> {
            if (channel.isEmpty()) {
                return key.isPresent() ? posts.createPost(caller, body, key.get()) : posts.createPost(caller, body);
            }
            ChannelId channelId = ResourceNames.channel("post.channel", channel);
            return key.isPresent() ? posts.createChannelPost(caller, channelId, body, key.get())
                    : posts.createChannelPost(caller, channelId, body);
        });
        reply(responses, CreatePostResponse.newBuilder().setPost(PostMessages.toProto(created.value())).build());
    }

    @Override
    public void getPost(GetPostRequest request, StreamObserver<GetPostResponse> responses) {
        Post post = posts.getPost(Callers.current(), ResourceNames.post("name", request.getName()));
        reply(responses, GetPostResponse.newBuilder().setPost(PostMessages.toProto(post)).build());
    }

    @Override
    public void updatePost(UpdatePostRequest request, StreamObserver<UpdatePostResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        PostId id = ResourceNames.post("post.name", request.getPost().getName());
        FieldMasks.paths(request.getUpdateMask(), List.of("body"), Set.of("body"));
        long version = Etags.required("post.etag", request.getPost().getEtag());
        Post updated = FieldPaths.under("post", Map.of(),
                () -> posts.editPost(caller, id, request.getPost().getBody(), version));
        reply(responses, UpdatePostResponse.newBuilder().setPost(PostMessages.toProto(updated)).build());
    }

    @Override
    public void deletePost(DeletePostRequest request, StreamObserver<DeletePostResponse> responses) {
        posts.deletePost(Callers.current(), ResourceNames.post("name", request.getName()));
        reply(responses, DeletePostResponse.getDefaultInstance());
    }

    @Override
    public void listPosts(ListPostsRequest request, StreamObserver<ListPostsResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        String parent = request.getParent();
        PostPages pages = PostPages.read(request.getFilter(), request.getPageSize(), request.getPageToken(),
                "parent:" + parent);
        PostQuery query = pages.query();
        Page<Post> page = FieldPaths.under("", Map.of(), () -> {
            if (parent.isEmpty()) {
                return posts.searchPosts(caller, query);
            } else if (parent.startsWith(ACCOUNTS)) {
                AccountId author = ResourceNames.account("parent", parent);
                return posts.listAccountPosts(caller, author, query);
            } else if (parent.startsWith(CHANNELS)) {
                ChannelId channel = ResourceNames.channel("parent", parent);
                return posts.listChannelPosts(caller, channel, query);
            }
            throw ValidationException.of("parent", "malformed_name",
                    "must be empty, accounts/{account_id} or channels/{channel_id}");
        });
        reply(responses, ListPostsResponse.newBuilder()
                .addAllPosts(page.items().stream().map(PostMessages::toProto).toList())
                .setNextPageToken(pages.nextPageToken(page))
                .build());
    }

    @Override
    public void searchPosts(SearchPostsRequest request, StreamObserver<SearchPostsResponse> responses) {
        PostPages pages = PostPages.read(request.getFilter(), request.getPageSize(), request.getPageToken(),
                "query:" + request.getQuery());
        PostQuery query = pages.query();
        if (!request.getQuery().isEmpty()) {
            query = query.containing(request.getQuery());
        }
        PostQuery searched = query;
        Page<Post> page = FieldPaths.under("", Map.of("q", "query"), () -> posts.searchPosts(Callers.current(), searched));
        reply(responses, SearchPostsResponse.newBuilder()
                .addAllPosts(page.items().stream().map(PostMessages::toProto).toList())
                .setNextPageToken(pages.nextPageToken(page))
                .build());
    }

    @Override
    public void createChannel(CreateChannelRequest request, StreamObserver<CreateChannelResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        Optional<IdempotencyKey> key = IdempotencyKeys.of(request.getRequestId());
        Created<Channel> created = FieldPaths.under("channel", Map.of("name", "channel.display_name"),
                () -> key.isPresent() ? posts.createChannel(caller, request.getChannel().getDisplayName(), key.get())
                        : posts.createChannel(caller, request.getChannel().getDisplayName()));
        reply(responses, CreateChannelResponse.newBuilder().setChannel(PostMessages.toProto(created.value())).build());
    }

    @Override
    public void getChannel(GetChannelRequest request, StreamObserver<GetChannelResponse> responses) {
        Channel channel = posts.getChannel(Callers.current(), ResourceNames.channel("name", request.getName()));
        reply(responses, GetChannelResponse.newBuilder().setChannel(PostMessages.toProto(channel)).build());
    }

    @Override
    public void addMember(AddMemberRequest request, StreamObserver<AddMemberResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        ChannelId channel = ResourceNames.channel("channel", request.getChannel());
        AccountId account = ResourceNames.account("account", request.getAccount());
        boolean added = posts.addMember(caller, channel, account);
        Member member = posts.getMember(caller, channel, account);
        reply(responses, AddMemberResponse.newBuilder().setMember(PostMessages.toProto(member)).setAdded(added).build());
    }

    @Override
    public void removeMember(RemoveMemberRequest request, StreamObserver<RemoveMemberResponse> responses) {
        posts.removeMember(Callers.current(), ResourceNames.channel("channel", request.getChannel()),
                ResourceNames.account("account", request.getAccount()));
        reply(responses, RemoveMemberResponse.getDefaultInstance());
    }

    @Override
    public void listMembers(ListMembersRequest request, StreamObserver<ListMembersResponse> responses) {
        ChannelId channel = ResourceNames.channel("parent", request.getParent());
        ListQuery query = FieldPaths.under("", Map.of(), () -> PostService.MEMBER_QUERY.listQuery(request.getFilter(),
                request.getOrderBy(), request.getPageSize(), request.getPageToken()));
        Page<Member> page = posts.listMembers(Callers.current(), channel, query);
        reply(responses, ListMembersResponse.newBuilder()
                .addAllMembers(page.items().stream().map(PostMessages::toProto).toList())
                .setNextPageToken(PostService.MEMBER_QUERY.nextPageToken(query, page, PostService::memberSortValue,
                        member -> member.accountId().value()))
                .build());
    }

    @Override
    public void getMember(GetMemberRequest request, StreamObserver<GetMemberResponse> responses) {
        ResourceNames.MemberName name = ResourceNames.member("name", request.getName());
        Member member = posts.getMember(Callers.current(), name.channel(), name.account());
        reply(responses, GetMemberResponse.newBuilder().setMember(PostMessages.toProto(member)).build());
    }

    @Override
    public void listChannels(ListChannelsRequest request, StreamObserver<ListChannelsResponse> responses) {
        ListQuery query = FieldPaths.under("", Map.of(), () -> PostService.CHANNEL_QUERY.listQuery(request.getFilter(),
                request.getOrderBy(), request.getPageSize(), request.getPageToken()));
        Page<Channel> page = posts.listChannels(Callers.current(), query);
        reply(responses, ListChannelsResponse.newBuilder()
                .addAllChannels(page.items().stream().map(PostMessages::toProto).toList())
                .setNextPageToken(PostService.CHANNEL_QUERY.nextPageToken(query, page, PostService::channelSortValue,
                        channel -> channel.id().value()))
                .build());
    }

    @Override
    public void updateChannel(UpdateChannelRequest request, StreamObserver<UpdateChannelResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        ChannelId id = ResourceNames.channel("channel.name", request.getChannel().getName());
        FieldMasks.paths(request.getUpdateMask(), List.of("display_name"), Set.of("display_name"));
        long version = Etags.required("channel.etag", request.getChannel().getEtag());
        Channel renamed = FieldPaths.under("channel", Map.of("name", "channel.display_name"),
                () -> posts.renameChannel(caller, id, request.getChannel().getDisplayName(), version));
        reply(responses, UpdateChannelResponse.newBuilder().setChannel(PostMessages.toProto(renamed)).build());
    }

    @Override
    public void deleteChannel(DeleteChannelRequest request, StreamObserver<DeleteChannelResponse> responses) {
        posts.deleteChannel(Callers.current(), ResourceNames.channel("name", request.getName()));
        reply(responses, DeleteChannelResponse.getDefaultInstance());
    }

    @Override
    public void leaveChannel(LeaveChannelRequest request, StreamObserver<LeaveChannelResponse> responses) {
        posts.leaveChannel(Callers.current(), ResourceNames.channel("name", request.getName()));
        reply(responses, LeaveChannelResponse.getDefaultInstance());
    }
}
