package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static dev.strata.adapters.grpc.GrpcTestServer.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.adapters.grpc.v1.AddMemberRequest;
import dev.strata.adapters.grpc.v1.AddMemberResponse;
import dev.strata.adapters.grpc.v1.Channel;
import dev.strata.adapters.grpc.v1.CreateChannelRequest;
import dev.strata.adapters.grpc.v1.CreatePostRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeletePostRequest;
import dev.strata.adapters.grpc.v1.GetChannelRequest;
import dev.strata.adapters.grpc.v1.GetPostRequest;
import dev.strata.adapters.grpc.v1.ListMembersRequest;
import dev.strata.adapters.grpc.v1.ListPostsRequest;
import dev.strata.adapters.grpc.v1.ListPostsResponse;
import dev.strata.adapters.grpc.v1.Post;
import dev.strata.adapters.grpc.v1.PostServiceGrpc.PostServiceBlockingStub;
import dev.strata.adapters.grpc.v1.RemoveMemberRequest;
import dev.strata.adapters.grpc.v1.SearchPostsRequest;
import dev.strata.adapters.grpc.v1.UpdatePostRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostGrpcServiceTest {

    private final GrpcTestServer grpc = new GrpcTestServer();
    private final CreateSessionResponse ada = grpc.newCaller();
    private final CreateSessionResponse bob = grpc.newCaller();
    private final PostServiceBlockingStub asAda = grpc.posts(ada.getToken());
    private final PostServiceBlockingStub asBob = grpc.posts(bob.getToken());

    @AfterEach
    void stop() {
        grpc.close();
    }

    private Post publish(PostServiceBlockingStub stub, String body) {
        return stub.createPost(CreatePostRequest.newBuilder().setPost(Post.newBuilder().setBody(body)).build()).getPost();
    }

    private Channel channel(String name) {
        return asAda.createChannel(CreateChannelRequest.newBuilder()
                .setChannel(Channel.newBuilder().setDisplayName(name)).build()).getChannel();
    }

    @Test
    void publishesReadsEditsAndDeletesAPost() {
        Post post = publish(asAda, "hello, world");
        assertThat(post.getName()).startsWith("posts/post_");
        assertThat(post.getAuthor()).isEqualTo(ada.getAccount().getName());
        assertThat(post.getChannel()).isEmpty();

        assertThat(asBob.getPost(GetPostRequest.newBuilder().setName(post.getName()).build()).getPost()).isEqualTo(post);

        Post edited = asAda.updatePost(UpdatePostRequest.newBuilder()
                .setPost(post.toBuilder().setBody("hello again")).build()).getPost();
        assertThat(edited.getBody()).isEqualTo("hello again");
        assertThat(edited.getEtag()).isEqualTo("1");

        asAda.deletePost(DeletePostRequest.newBuilder().setName(post.getName()).build());
        StatusRuntimeException gone = catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.getPost(GetPostRequest.newBuilder().setName(post.getName()).build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(errorInfo(gone).getReason()).isEqualTo("post_not_found");
    }

    @Test
    void anotherAuthorsPostIsPermissionDeniedBeforeItsEtagIsChecked() {
        Post post = publish(asAda, "mine");

        StatusRuntimeException edit = catchThrowableOfType(StatusRuntimeException.class, () -> asBob.updatePost(
                UpdatePostRequest.newBuilder().setPost(post.toBuilder().setBody("yours").setEtag("7")).build()));
        StatusRuntimeException delete = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.deletePost(DeletePostRequest.newBuilder().setName(post.getName()).build()));

        assertThat(edit.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo(edit).getReason()).isEqualTo("not_the_author");
        assertThat(delete.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aStaleEtagIsAbortedAndABlankBodyInvalid() {
        Post post = publish(asAda, "first");
        asAda.updatePost(UpdatePostRequest.newBuilder().setPost(post.toBuilder().setBody("second")).build());

        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updatePost(
                UpdatePostRequest.newBuilder().setPost(post.toBuilder().setBody("third")).build()));
        StatusRuntimeException blank = catchThrowableOfType(StatusRuntimeException.class,
                () -> publish(asAda, "   "));

        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(blank.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(blank)).containsExactly("post.body:required");
    }

    @Test
    void aRequestIdReplaysTheFirstPostAndIsRefusedWithOtherContent() {
        CreatePostRequest request = CreatePostRequest.newBuilder().setPost(Post.newBuilder().setBody("once"))
                .setRequestId("retry-1").build();

        Post first = asAda.createPost(request).getPost();
        Post again = asAda.createPost(request).getPost();
        StatusRuntimeException reused = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.createPost(
                request.toBuilder().setPost(Post.newBuilder().setBody("twice")).build()));
        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.createPost(
                request.toBuilder().setRequestId("has spaces").build()));

        assertThat(again).isEqualTo(first);
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(errorInfo(reused).getReason()).isEqualTo("idempotency_key_reused");
        assertThat(violations(reused)).containsExactly("request_id:idempotency_key_reused");
        assertThat(violations(malformed)).containsExactly("request_id:malformed_idempotency_key");
    }

    @Test
    void channelsTheirMembersAndTheirPostsAreForMembersOnly() {
        Channel channel = channel("readers");
        assertThat(channel.getOwner()).isEqualTo(ada.getAccount().getName());
        assertThat(asAda.getChannel(GetChannelRequest.newBuilder().setName(channel.getName()).build()).getChannel())
                .isEqualTo(channel);
        Post inChannel = asAda.createPost(CreatePostRequest.newBuilder()
                .setPost(Post.newBuilder().setBody("members only").setChannel(channel.getName())).build()).getPost();
        assertThat(inChannel.getChannel()).isEqualTo(channel.getName());

        StatusRuntimeException outsider = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.getPost(GetPostRequest.newBuilder().setName(inChannel.getName()).build()));
        assertThat(outsider.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        AddMemberResponse added = asAda.addMember(AddMemberRequest.newBuilder().setChannel(channel.getName())
                .setAccount(bob.getAccount().getName()).build());
        assertThat(added.getAdded()).isTrue();
        assertThat(added.getMember().getName()).isEqualTo(channel.getName() + "/members/"
                + bob.getAccount().getName().substring("accounts/".length()));
        assertThat(asAda.addMember(AddMemberRequest.newBuilder().setChannel(channel.getName())
                .setAccount(bob.getAccount().getName()).build()).getAdded()).isFalse();
        assertThat(asBob.getPost(GetPostRequest.newBuilder().setName(inChannel.getName()).build()).getPost())
                .isEqualTo(inChannel);
        assertThat(asBob.listMembers(ListMembersRequest.newBuilder().setParent(channel.getName()).build())
                .getMembersList()).extracting(member -> member.getAccount(), member -> member.getOwner())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ada.getAccount().getName(), true),
                        org.assertj.core.groups.Tuple.tuple(bob.getAccount().getName(), false));
        assertThat(asBob.listPosts(ListPostsRequest.newBuilder().setParent(channel.getName()).build()).getPostsList())
                .containsExactly(inChannel);

        StatusRuntimeException notOwner = catchThrowableOfType(StatusRuntimeException.class, () -> asBob.removeMember(
                RemoveMemberRequest.newBuilder().setChannel(channel.getName()).setAccount(ada.getAccount().getName()).build()));
        assertThat(notOwner.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        StatusRuntimeException owner = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.removeMember(
                RemoveMemberRequest.newBuilder().setChannel(channel.getName()).setAccount(ada.getAccount().getName()).build()));
        assertThat(owner.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(errorInfo(owner).getReason()).isEqualTo("owner_stays_member");

        asAda.removeMember(RemoveMemberRequest.newBuilder().setChannel(channel.getName())
                .setAccount(bob.getAccount().getName()).build());
        StatusRuntimeException removed = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.getChannel(GetChannelRequest.newBuilder().setName(channel.getName()).build()));
        assertThat(removed.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(errorInfo(removed).getReason()).isEqualTo("channel_not_found");
    }

    @Test
    void listsAndSearchesPostsNewestFirstInPages() {
        Post one = publish(asAda, "apple pie");
        grpc.clock.advance(java.time.Duration.ofSeconds(1));
        Post two = publish(asBob, "banana split");
        grpc.clock.advance(java.time.Duration.ofSeconds(1));
        Post three = publish(asAda, "apple crumble");

        ListPostsResponse first = asBob.listPosts(ListPostsRequest.newBuilder().setPageSize(2).build());
        ListPostsResponse second = asBob.listPosts(ListPostsRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertThat(first.getPostsList()).containsExactly(three, two);
        assertThat(second.getPostsList()).containsExactly(one);
        assertThat(second.getNextPageToken()).isEmpty();

        assertThat(asBob.listPosts(ListPostsRequest.newBuilder().setParent(ada.getAccount().getName()).build())
                .getPostsList()).containsExactly(three, one);
        assertThat(asBob.searchPosts(SearchPostsRequest.newBuilder().setQuery("APPLE").build()).getPostsList())
                .containsExactly(three, one);

        StatusRuntimeException otherList = catchThrowableOfType(StatusRuntimeException.class, () -> asBob.listPosts(
                ListPostsRequest.newBuilder().setParent(ada.getAccount().getName())
                        .setPageToken(first.getNextPageToken()).build()));
        assertThat(violations(otherList)).containsExactly("page_token:page_token_mismatch");
        StatusRuntimeException badParent = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.listPosts(ListPostsRequest.newBuilder().setParent("orders/x").build()));
        assertThat(violations(badParent)).containsExactly("parent:malformed_name");
        assertThat(asBob.listPosts(ListPostsRequest.newBuilder()
                .setFilter("created_at=gte:" + java.time.Instant.ofEpochSecond(two.getCreateTime().getSeconds(),
                        two.getCreateTime().getNanos()) + " AND created_at=lt:" + java.time.Instant.ofEpochSecond(
                        three.getCreateTime().getSeconds(), three.getCreateTime().getNanos())).build())
                .getPostsList()).containsExactly(two);
        StatusRuntimeException badFilter = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.listPosts(ListPostsRequest.newBuilder().setFilter("body=like:apple*").build()));
        assertThat(violations(badFilter)).singleElement().asString().startsWith("filter:");
        StatusRuntimeException negative = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.listPosts(ListPostsRequest.newBuilder().setPageSize(-1).build()));
        assertThat(violations(negative)).containsExactly("page_size:out_of_range");
    }
}
