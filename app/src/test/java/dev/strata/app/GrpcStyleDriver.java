package dev.strata.app;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.AddMemberRequest;
import dev.strata.adapters.grpc.v1.CancelOrderRequest;
import dev.strata.adapters.grpc.v1.Channel;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.CreateChannelRequest;
import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreatePostRequest;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeletePostRequest;
import dev.strata.adapters.grpc.v1.GetOrderRequest;
import dev.strata.adapters.grpc.v1.GetPostRequest;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import dev.strata.adapters.grpc.v1.OrderServiceGrpc;
import dev.strata.adapters.grpc.v1.Post;
import dev.strata.adapters.grpc.v1.PostServiceGrpc;
import dev.strata.adapters.grpc.v1.UpdateOrderRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gRPC style through the generated blocking stubs: a refusal is read from the status code and
 * the {@code ErrorInfo} and {@code BadRequest} details; names ({@code orders/ord_...}) are turned
 * into bare ids and back; the concurrency tag is the {@code etag}.
 */
final class GrpcStyleDriver implements StyleDriver {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** Core's order fields whose name in the gRPC request is not {@code order.} and the same name. */
    private static final Map<String, String> ORDER_FIELDS = Map.of("currency", "order.currency_code");
    private static final Map<Status.Code, StyleFailure.Kind> KINDS = Map.of(
            Status.Code.INVALID_ARGUMENT, StyleFailure.Kind.INVALID,
            Status.Code.UNAUTHENTICATED, StyleFailure.Kind.UNAUTHENTICATED,
            Status.Code.PERMISSION_DENIED, StyleFailure.Kind.PERMISSION_DENIED,
            Status.Code.NOT_FOUND, StyleFailure.Kind.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION, StyleFailure.Kind.CONFLICT,
            Status.Code.ALREADY_EXISTS, StyleFailure.Kind.CONFLICT,
            Status.Code.ABORTED, StyleFailure.Kind.STALE);

    private final ManagedChannel channel;

    GrpcStyleDriver(int port) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    @Override
    public String name() {
        return "gRPC";
    }

    @Override
    public String signUp(String email, String password, String displayName) {
        Account account = call(() -> IdentityServiceGrpc.newBlockingStub(channel).createAccount(CreateAccountRequest
                .newBuilder().setAccount(Account.newBuilder().setEmail(email).setDisplayName(displayName))
                .setPassword(password).build()).getAccount());
        return bare(account.getName());
    }

    @Override
    public SignedIn signIn(String email, String password) {
        CreateSessionResponse session = call(() -> IdentityServiceGrpc.newBlockingStub(channel).createSession(
                CreateSessionRequest.newBuilder().setEmail(email).setPassword(password).build()));
        return new SignedIn(session.getToken(), bare(session.getAccount().getName()));
    }

    @Override
    public OrderView createOrder(String token, OrderSpec order, String idempotencyKey) {
        CreateOrderRequest.Builder request = CreateOrderRequest.newBuilder().setOrder(message(order));
        if (idempotencyKey != null) {
            request.setRequestId(idempotencyKey);
        }
        return view(call(() -> orders(token).createOrder(request.build()).getOrder()));
    }

    @Override
    public OrderView getOrder(String token, String orderId) {
        return view(call(() -> orders(token).getOrder(GetOrderRequest.newBuilder().setName("orders/" + orderId)
                .build()).getOrder()));
    }

    @Override
    public OrderView updateOrderComment(String token, String orderId, String tag, String comment) {
        return view(call(() -> orders(token).updateOrder(UpdateOrderRequest.newBuilder()
                .setOrder(Order.newBuilder().setName("orders/" + orderId).setEtag(tag).setComment(comment))
                .setUpdateMask(FieldMask.newBuilder().addPaths("comment")).build()).getOrder()));
    }

    @Override
    public OrderView cancelOrder(String token, String orderId, String reason) {
        return view(call(() -> orders(token).cancelOrder(CancelOrderRequest.newBuilder()
                .setName("orders/" + orderId).setReason(reason).build()).getOrder()));
    }

    @Override
    public PostView createPost(String token, String body, String channelId) {
        Post.Builder post = Post.newBuilder().setBody(body);
        if (channelId != null) {
            post.setChannel("channels/" + channelId);
        }
        return view(call(() -> posts(token).createPost(CreatePostRequest.newBuilder().setPost(post).build()).getPost()));
    }

    @Override
    public PostView getPost(String token, String postId) {
        return view(call(() -> posts(token).getPost(GetPostRequest.newBuilder().setName("posts/" + postId).build())
                .getPost()));
    }

    @Override
    public void deletePost(String token, String postId) {
        call(() -> posts(token).deletePost(DeletePostRequest.newBuilder().setName("posts/" + postId).build()));
    }

    @Override
    public String createChannel(String token, String name) {
        Channel created = call(() -> posts(token).createChannel(CreateChannelRequest.newBuilder()
                .setChannel(Channel.newBuilder().setDisplayName(name)).build()).getChannel());
        return bare(created.getName());
    }

    @Override
    public void addMember(String token, String channelId, String accountId) {
        call(() -> posts(token).addMember(AddMemberRequest.newBuilder().setChannel("channels/" + channelId)
                .setAccount("accounts/" + accountId).build()));
    }

    @Override
    public String fieldName(String coreField) {
        return ORDER_FIELDS.getOrDefault(coreField, "order." + coreField);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OrderServiceGrpc.OrderServiceBlockingStub orders(String token) {
        return signed(OrderServiceGrpc.newBlockingStub(channel), token);
    }

    private PostServiceGrpc.PostServiceBlockingStub posts(String token) {
        return signed(PostServiceGrpc.newBlockingStub(channel), token);
    }

    private static <S extends AbstractStub<S>> S signed(S stub, String token) {
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static Order message(OrderSpec order) {
        Order.Builder message = Order.newBuilder().setCurrencyCode(order.currency());
        order.items().forEach(item -> message.addItems(OrderItem.newBuilder().setSku(item.sku())
                .setQuantity(item.quantity()).setUnitPrice(item.unitPrice())));
        if (order.comment() != null) {
            message.setComment(order.comment());
        }
        return message.build();
    }

    private static OrderView view(Order order) {
        List<Item> items = order.getItemsList().stream()
                .map(item -> new Item(item.getSku(), item.getQuantity(), item.getUnitPrice())).toList();
        String state = order.getState().name().substring("ORDER_STATE_".length()).toLowerCase(Locale.ROOT);
        return new OrderView(bare(order.getName()), bare(order.getOwner()), state, order.getCurrencyCode(), items,
                order.getAmount(), order.getComment(), Long.parseLong(order.getEtag()), order.getEtag());
    }

    private static PostView view(Post post) {
        return new PostView(bare(post.getName()), bare(post.getAuthor()),
                post.getChannel().isEmpty() ? null : bare(post.getChannel()), post.getBody(),
                Long.parseLong(post.getEtag()));
    }

    /** The id at the end of a resource name. */
    private static String bare(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The call's result; its refusal as a {@link StyleFailure}. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException refused) {
            throw failure(refused);
        }
    }

    /** A refusal, read from the status and its details as a gRPC client reads them. */
    static StyleFailure failure(StatusRuntimeException refused) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        if (status == null) {
            return new StyleFailure("", StyleFailure.Kind.OTHER, refused.getStatus().getCode().name(), List.of(),
                    "no google.rpc.Status: " + refused);
        }
        String reason = "";
        List<String> fields = new ArrayList<>();
        try {
            for (com.google.protobuf.Any detail : status.getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    reason = detail.unpack(ErrorInfo.class).getReason();
                } else if (detail.is(BadRequest.class)) {
                    detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        Status.Code code = refused.getStatus().getCode();
        return new StyleFailure(reason, KINDS.getOrDefault(code, StyleFailure.Kind.OTHER), code.name(), fields,
                status.getMessage());
    }
}
