package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.PASSWORD;
import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static dev.strata.adapters.grpc.GrpcTestServer.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.adapters.grpc.v1.AddMemberRequest;
import dev.strata.adapters.grpc.v1.Channel;
import dev.strata.adapters.grpc.v1.CreateChannelRequest;
import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeleteAccountRequest;
import dev.strata.adapters.grpc.v1.DeleteChannelRequest;
import dev.strata.adapters.grpc.v1.DeleteSessionRequest;
import dev.strata.adapters.grpc.v1.GetChannelRequest;
import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.GetMemberRequest;
import dev.strata.adapters.grpc.v1.LeaveChannelRequest;
import dev.strata.adapters.grpc.v1.ListChannelsRequest;
import dev.strata.adapters.grpc.v1.ListChannelsResponse;
import dev.strata.adapters.grpc.v1.ListMembersRequest;
import dev.strata.adapters.grpc.v1.ListMembersResponse;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import dev.strata.adapters.grpc.v1.PostServiceGrpc.PostServiceBlockingStub;
import dev.strata.adapters.grpc.v1.UpdateChannelRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel operations beyond create and read, ending one session, and closing an account. */
class ChannelsAndClosingTest {

    private final GrpcTestServer grpc = new GrpcTestServer();
    private final CreateSessionResponse ada = grpc.newCaller();
    private final CreateSessionResponse bob = grpc.newCaller();
    private final PostServiceBlockingStub asAda = grpc.posts(ada.getToken());
    private final PostServiceBlockingStub asBob = grpc.posts(bob.getToken());

    @AfterEach
    void stop() throws InterruptedException {
        grpc.close();
    }

    private Channel channel(String name) {
        return asAda.createChannel(CreateChannelRequest.newBuilder()
                .setChannel(Channel.newBuilder().setDisplayName(name)).build()).getChannel();
    }

    private void add(Channel channel, CreateSessionResponse member) {
        asAda.addMember(AddMemberRequest.newBuilder().setChannel(channel.getName())
                .setAccount(member.getAccount().getName()).build());
    }

    @Test
    void listsTheCallersChannelsInPagesAndFilters() {
        Channel first = channel("team alpha");
        grpc.clock.advance(Duration.ofSeconds(1));
        Channel second = channel("team beta");
        grpc.clock.advance(Duration.ofSeconds(1));
        Channel other = channel("book club");
        add(second, bob);

        ListChannelsResponse page1 = asAda.listChannels(ListChannelsRequest.newBuilder().setPageSize(2).build());
        ListChannelsResponse page2 = asAda.listChannels(ListChannelsRequest.newBuilder().setPageSize(2)
                .setPageToken(page1.getNextPageToken()).build());

        assertThat(page1.getChannelsList()).containsExactly(other, second);
        assertThat(page2.getChannelsList()).containsExactly(first);
        assertThat(asAda.listChannels(ListChannelsRequest.newBuilder().setFilter("name=like:team*")
                .setOrderBy("created_at").build()).getChannelsList()).containsExactly(first, second);
        assertThat(asBob.listChannels(ListChannelsRequest.getDefaultInstance()).getChannelsList())
                .containsExactly(second);
    }

    @Test
    void theOwnerRenamesAgainstTheEtagAndAMemberMayNot() {
        Channel channel = channel("old name");
        add(channel, bob);

        Channel renamed = asAda.updateChannel(UpdateChannelRequest.newBuilder()
                .setChannel(channel.toBuilder().setDisplayName("new name")).build()).getChannel();
        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateChannel(
                UpdateChannelRequest.newBuilder().setChannel(channel.toBuilder().setDisplayName("newer")).build()));
        StatusRuntimeException member = catchThrowableOfType(StatusRuntimeException.class, () -> asBob.updateChannel(
                UpdateChannelRequest.newBuilder().setChannel(channel.toBuilder().setDisplayName("mine")).build()));
        StatusRuntimeException blank = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateChannel(
                UpdateChannelRequest.newBuilder().setChannel(renamed.toBuilder().setDisplayName(" ")).build()));

        assertThat(renamed.getDisplayName()).isEqualTo("new name");
        assertThat(renamed.getEtag()).isEqualTo("1");
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(member.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo(member).getReason()).isEqualTo("not_the_owner");
        assertThat(violations(blank)).containsExactly("channel.display_name:required");
    }

    @Test
    void aMemberLeavesTheOwnerCannotAndTheOwnerDeletes() {
        Channel channel = channel("leaving");
        add(channel, bob);
        String bobsMembership = channel.getName() + "/members/" + bob.getAccount().getName().substring("accounts/".length());
        assertThat(asBob.getMember(GetMemberRequest.newBuilder().setName(bobsMembership).build()).getMember()
                .getAccount()).isEqualTo(bob.getAccount().getName());

        asBob.leaveChannel(LeaveChannelRequest.newBuilder().setName(channel.getName()).build());
        StatusRuntimeException gone = catchThrowableOfType(StatusRuntimeException.class,
                () -> asBob.getChannel(GetChannelRequest.newBuilder().setName(channel.getName()).build()));
        StatusRuntimeException owner = catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.leaveChannel(LeaveChannelRequest.newBuilder().setName(channel.getName()).build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(owner.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(errorInfo(owner).getReason()).isEqualTo("owner_cannot_leave");

        asAda.deleteChannel(DeleteChannelRequest.newBuilder().setName(channel.getName()).build());
        assertThat(catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.getChannel(GetChannelRequest.newBuilder().setName(channel.getName()).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void membersArePagedEarliestFirst() {
        Channel channel = channel("paged");
        grpc.clock.advance(Duration.ofSeconds(1));
        add(channel, bob);
        ListMembersRequest first = ListMembersRequest.newBuilder().setParent(channel.getName()).setPageSize(1).build();

        ListMembersResponse page1 = asBob.listMembers(first);
        ListMembersResponse page2 = asBob.listMembers(first.toBuilder().setPageToken(page1.getNextPageToken()).build());

        assertThat(page1.getMembersList()).extracting(member -> member.getAccount())
                .containsExactly(ada.getAccount().getName());
        assertThat(page2.getMembersList()).extracting(member -> member.getAccount())
                .containsExactly(bob.getAccount().getName());
        assertThat(page2.getNextPageToken()).isEmpty();
    }

    @Test
    void endsOneOtherSessionOfTheCallersAccount() {
        CreateSessionResponse phone = grpc.identity().createSession(CreateSessionRequest.newBuilder()
                .setEmail(ada.getAccount().getEmail()).setPassword(PASSWORD).build());

        StatusRuntimeException others = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(bob.getToken()).deleteSession(DeleteSessionRequest.newBuilder()
                        .setName(phone.getSession().getName()).build()));
        grpc.identity(ada.getToken()).deleteSession(DeleteSessionRequest.newBuilder()
                .setName(phone.getSession().getName()).build());

        assertThat(others.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity(phone.getToken())
                .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(grpc.identity(ada.getToken()).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance())
                .getAccount()).isEqualTo(ada.getAccount());
    }

    @Test
    void closingAnAccountNeedsItsPasswordAndEndsItsSessions() {
        grpc.orders(ada.getToken()).createOrder(CreateOrderRequest.newBuilder().setOrder(Order.newBuilder()
                .setCurrencyCode("EUR").addItems(OrderItem.newBuilder().setSku("A").setQuantity(1).setUnitPrice("1.00")))
                .build());
        DeleteAccountRequest close = DeleteAccountRequest.newBuilder().setName(ada.getAccount().getName())
                .setCurrentPassword("not the password").build();

        StatusRuntimeException wrong = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.identity(ada.getToken()).deleteAccount(close));
        StatusRuntimeException others = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(bob.getToken()).deleteAccount(close.toBuilder().setCurrentPassword(PASSWORD).build()));
        grpc.identity(ada.getToken()).deleteAccount(close.toBuilder().setCurrentPassword(PASSWORD).build());

        assertThat(violations(wrong)).containsExactly("current_password:incorrect");
        assertThat(others.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity(ada.getToken())
                .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity().createSession(
                CreateSessionRequest.newBuilder().setEmail(ada.getAccount().getEmail()).setPassword(PASSWORD).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
}
