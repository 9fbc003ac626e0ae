package dev.strata.adapters.grpc.identity;

import dev.strata.adapters.grpc.call.Callers;
import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.FieldMasks;
import dev.strata.adapters.grpc.call.FieldPaths;
import dev.strata.adapters.grpc.call.KeysetPages;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.CreateAccountResponse;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeleteAccountRequest;
import dev.strata.adapters.grpc.v1.DeleteAccountResponse;
import dev.strata.adapters.grpc.v1.DeleteCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.DeleteCurrentSessionResponse;
import dev.strata.adapters.grpc.v1.DeleteSessionRequest;
import dev.strata.adapters.grpc.v1.DeleteSessionResponse;
import dev.strata.adapters.grpc.v1.EndAllSessionsRequest;
import dev.strata.adapters.grpc.v1.EndAllSessionsResponse;
import dev.strata.adapters.grpc.v1.GetAccountRequest;
import dev.strata.adapters.grpc.v1.GetAccountResponse;
import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.GetCurrentSessionResponse;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.adapters.grpc.v1.ListSessionsRequest;
import dev.strata.adapters.grpc.v1.ListSessionsResponse;
import dev.strata.adapters.grpc.v1.UpdateAccountRequest;
import dev.strata.adapters.grpc.v1.UpdateAccountResponse;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountChanges;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.Session;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.strata.adapters.grpc.call.Replies.reply;

/**
 * {@code strata.v1.IdentityService} over {@link IdentityService}: each method translates its
 * request into one service call and the result into its response; every rule is the service's.
 */
public final class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private static final List<String> UPDATABLE = List.of("display_name", "email", "password");
    private static final Map<String, String> UPDATE_FIELDS = Map.of("password", "new_password",
            "current_password", "current_password");

    private final IdentityService identity;
    private final AccountClosingService closing;

    /** The service over {@code identity}, closing accounts with {@code closing}. */
    public IdentityGrpcService(IdentityService identity, AccountClosingService closing) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.closing = Objects.requireNonNull(closing, "closing");
    }

    @Override
    public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> responses) {
        Account account = FieldPaths.under("account", Map.of("password", "password"), () -> identity.createAccount(
                new NewAccount(request.getAccount().getEmail(), request.getPassword(),
                        request.getAccount().getDisplayName())));
        reply(responses, CreateAccountResponse.newBuilder().setAccount(IdentityMessages.toProto(account)).build());
    }

    @Override
    public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> responses) {
        Account account = identity.getAccount(Callers.current(), ResourceNames.account("name", request.getName()));
        reply(responses, GetAccountResponse.newBuilder().setAccount(IdentityMessages.toProto(account)).build());
    }

    @Override
    public void updateAccount(UpdateAccountRequest request, StreamObserver<UpdateAccountResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        AccountId id = ResourceNames.account("account.name", request.getAccount().getName());
        Set<String> paths = FieldMasks.paths(request.getUpdateMask(), UPDATABLE, populated(request));
        long version = Etags.required("account.etag", request.getAccount().getEtag());
        AccountChanges changes = AccountChanges.none();
        if (paths.contains("display_name")) {
            changes = changes.withDisplayName(request.getAccount().getDisplayName());
        }
        if (paths.contains("email")) {
            changes = changes.withEmail(request.getAccount().getEmail());
        }
        if (paths.contains("password")) {
            changes = changes.withNewPassword(request.getNewPassword());
        }
        if (!request.getCurrentPassword().isEmpty()) {
            changes = changes.withCurrentPassword(request.getCurrentPassword());
        }
        AccountChanges asked = changes;
        Account updated = FieldPaths.under("account", UPDATE_FIELDS,
                () -> identity.updateAccount(caller, id, asked, version));
        reply(responses, UpdateAccountResponse.newBuilder().setAccount(IdentityMessages.toProto(updated)).build());
    }

    @Override
    public void deleteAccount(DeleteAccountRequest request, StreamObserver<DeleteAccountResponse> responses) {
        AccountId id = ResourceNames.account("name", request.getName());
        closing.closeAccount(Callers.current(), id, request.getCurrentPassword());
        reply(responses, DeleteAccountResponse.getDefaultInstance());
    }

    @Override
    public void createSession(CreateSessionRequest request, StreamObserver<CreateSessionResponse> responses) {
        IssuedSession issued = identity.signIn(new Credentials(request.getEmail(), request.getPassword()));
        reply(responses, CreateSessionResponse.newBuilder()
                .setSession(IdentityMessages.toProto(issued.session()))
                .setAccount(IdentityMessages.toProto(issued.account()))
                .setToken(issued.token())
                .build());
    }

    @Override
    public void getCurrentSession(GetCurrentSessionRequest request, StreamObserver<GetCurrentSessionResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        reply(responses, GetCurrentSessionResponse.newBuilder()
                .setSession(IdentityMessages.toProto(caller.session()))
                .setAccount(IdentityMessages.toProto(caller.account()))
                .build());
    }

    @Override
    public void deleteCurrentSession(DeleteCurrentSessionRequest request,
            StreamObserver<DeleteCurrentSessionResponse> responses) {
        identity.endSession(Callers.current());
        reply(responses, DeleteCurrentSessionResponse.getDefaultInstance());
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> responses) {
        AccountId id = ResourceNames.account("parent", request.getParent());
        KeysetPages.Page<Session> page = KeysetPages.page(identity.listSessions(Callers.current(), id),
                Session::createdAt, session -> session.id().value(), true, request.getPageSize(),
                request.getPageToken(), "sessions:" + request.getParent());
        reply(responses, ListSessionsResponse.newBuilder()
                .addAllSessions(page.items().stream().map(IdentityMessages::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build());
    }

    @Override
    public void deleteSession(DeleteSessionRequest request, StreamObserver<DeleteSessionResponse> responses) {
        ResourceNames.SessionName name = ResourceNames.session("name", request.getName());
        identity.endSession(Callers.current(), name.account(), name.session());
        reply(responses, DeleteSessionResponse.getDefaultInstance());
    }

    @Override
    public void endAllSessions(EndAllSessionsRequest request, StreamObserver<EndAllSessionsResponse> responses) {
        identity.endAllSessions(Callers.current(), ResourceNames.account("name", request.getName()));
        reply(responses, EndAllSessionsResponse.getDefaultInstance());
    }

    /** Without a mask, AIP-134 updates the fields that are set. */
    private static Set<String> populated(UpdateAccountRequest request) {
        Set<String> paths = new LinkedHashSet<>();
        if (!request.getAccount().getDisplayName().isEmpty()) {
            paths.add("display_name");
        }
        if (!request.getAccount().getEmail().isEmpty()) {
            paths.add("email");
        }
        if (!request.getNewPassword().isEmpty()) {
            paths.add("password");
        }
        return paths;
    }
}
