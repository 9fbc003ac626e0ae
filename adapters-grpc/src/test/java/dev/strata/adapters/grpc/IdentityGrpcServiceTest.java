package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.PASSWORD;
import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static dev.strata.adapters.grpc.GrpcTestServer.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeleteCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.EndAllSessionsRequest;
import dev.strata.adapters.grpc.v1.GetAccountRequest;
import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.GetCurrentSessionResponse;
import dev.strata.adapters.grpc.v1.ListSessionsRequest;
import dev.strata.adapters.grpc.v1.ListSessionsResponse;
import dev.strata.adapters.grpc.v1.UpdateAccountRequest;
import dev.strata.contracts.identity.IdentityFixtures;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityGrpcServiceTest {

    private final GrpcTestServer grpc = new GrpcTestServer();

    @AfterEach
    void stop() {
        grpc.close();
    }

    @Test
    void signsUpSignsInAndReadsTheAccountAndTheSession() {
        String email = IdentityFixtures.uniqueEmail();
        Account account = grpc.signUp(email);
        assertThat(account.getName()).matches("accounts/acct_[0-9a-z]{26}");
        assertThat(account.getEmail()).isEqualTo(email);
        assertThat(account.getEtag()).isEqualTo("0");

        CreateSessionResponse session = grpc.identity().createSession(
                CreateSessionRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build());
        assertThat(session.getToken()).isNotEmpty();
        assertThat(session.getAccount()).isEqualTo(account);
        assertThat(session.getSession().getName()).startsWith(account.getName() + "/sessions/");

        assertThat(grpc.identity(session.getToken()).getAccount(GetAccountRequest.newBuilder()
                .setName(account.getName()).build()).getAccount()).isEqualTo(account);
        GetCurrentSessionResponse current = grpc.identity(session.getToken())
                .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance());
        assertThat(current.getSession()).isEqualTo(session.getSession());
        assertThat(current.getAccount()).isEqualTo(account);
    }

    @Test
    void signUpNamesEveryInvalidFieldAsAPathInTheRequest() {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity()
                .createAccount(CreateAccountRequest.newBuilder().setAccount(Account.newBuilder().setEmail("nope"))
                        .setPassword("short").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(errorInfo(failure).getReason()).isEqualTo("validation_failed");
        assertThat(errorInfo(failure).getDomain()).isEqualTo("strata.dev");
        assertThat(violations(failure)).containsExactlyInAnyOrder("account.email:invalid_email",
                "password:too_short", "account.display_name:required");
    }

    @Test
    void aSecondSignUpWithTheSameEmailAlreadyExists() {
        String email = IdentityFixtures.uniqueEmail();
        grpc.signUp(email);

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.signUp(email));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(errorInfo(failure).getReason()).isEqualTo("email_already_registered");
    }

    @Test
    void aWrongPasswordIsUnauthenticated() {
        String email = IdentityFixtures.uniqueEmail();
        grpc.signUp(email);

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity()
                .createSession(CreateSessionRequest.newBuilder().setEmail(email).setPassword("wrong password").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(errorInfo(failure).getReason()).isEqualTo("invalid_credentials");
    }

    @Test
    void aCallWithoutATokenOrWithABadOneIsUnauthenticated() {
        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.identity().getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));
        StatusRuntimeException bad = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.identity("not-a-token").getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(errorInfo(missing).getReason()).isEqualTo("authentication_required");
        assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(errorInfo(bad).getReason()).isEqualTo("invalid_token");
    }

    @Test
    void anotherAccountIsNotFoundAndAMalformedNameIsInvalid() {
        CreateSessionResponse ada = grpc.newCaller();
        CreateSessionResponse bob = grpc.newCaller();

        StatusRuntimeException other = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).getAccount(GetAccountRequest.newBuilder().setName(bob.getAccount().getName()).build()));
        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).getAccount(GetAccountRequest.newBuilder().setName("orders/acc_x").build()));

        assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(errorInfo(other).getReason()).isEqualTo("account_not_found");
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(malformed)).containsExactly("name:malformed_name");
    }

    @Test
    void updatesTheFieldsOfTheMaskAgainstTheEtag() {
        CreateSessionResponse ada = grpc.newCaller();
        Account account = ada.getAccount();

        Account updated = grpc.identity(ada.getToken()).updateAccount(UpdateAccountRequest.newBuilder()
                .setAccount(account.toBuilder().setDisplayName("Ada Lovelace").setEmail("ignored@example.com"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()).getAccount();

        assertThat(updated.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(updated.getEmail()).isEqualTo(account.getEmail());
        assertThat(updated.getEtag()).isEqualTo("1");
    }

    @Test
    void anUpdateAgainstAStaleEtagIsAbortedAndOneWithoutAnEtagIsInvalid() {
        CreateSessionResponse ada = grpc.newCaller();
        Account account = ada.getAccount();
        UpdateAccountRequest rename = UpdateAccountRequest.newBuilder()
                .setAccount(account.toBuilder().setDisplayName("Ada L."))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build();
        grpc.identity(ada.getToken()).updateAccount(rename);

        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.identity(ada.getToken()).updateAccount(rename));
        StatusRuntimeException noEtag = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).updateAccount(rename.toBuilder()
                        .setAccount(rename.getAccount().toBuilder().clearEtag()).build()));

        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(errorInfo(stale).getReason()).isEqualTo("version_mismatch");
        assertThat(noEtag.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(noEtag)).containsExactly("account.etag:required");
    }

    @Test
    void anUnknownMaskPathIsInvalidAndAPasswordChangeNeedsTheCurrentOne() {
        CreateSessionResponse ada = grpc.newCaller();
        Account account = ada.getAccount();

        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).updateAccount(UpdateAccountRequest.newBuilder().setAccount(account)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("create_time")).build()));
        StatusRuntimeException noCurrent = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).updateAccount(UpdateAccountRequest.newBuilder().setAccount(account)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("password")).setNewPassword("x").build()));

        assertThat(violations(unknown)).containsExactly("update_mask:unknown_field");
        assertThat(violations(noCurrent)).containsExactlyInAnyOrder("new_password:too_short",
                "current_password:required");
    }

    @Test
    void listsSessionsInPagesAndSignsOutOneOrAll() {
        CreateSessionResponse ada = grpc.newCaller();
        String email = ada.getAccount().getEmail();
        grpc.clock.advance(java.time.Duration.ofSeconds(1));
        CreateSessionResponse second = grpc.identity().createSession(
                CreateSessionRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build());
        grpc.clock.advance(java.time.Duration.ofSeconds(1));
        CreateSessionResponse third = grpc.identity().createSession(
                CreateSessionRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build());
        ListSessionsRequest first = ListSessionsRequest.newBuilder().setParent(ada.getAccount().getName())
                .setPageSize(2).build();

        ListSessionsResponse page1 = grpc.identity(ada.getToken()).listSessions(first);
        ListSessionsResponse page2 = grpc.identity(ada.getToken()).listSessions(first.toBuilder()
                .setPageToken(page1.getNextPageToken()).build());

        assertThat(page1.getSessionsList()).containsExactly(third.getSession(), second.getSession());
        assertThat(page2.getSessionsList()).containsExactly(ada.getSession());
        assertThat(page2.getNextPageToken()).isEmpty();

        grpc.identity(second.getToken()).deleteCurrentSession(DeleteCurrentSessionRequest.getDefaultInstance());
        StatusRuntimeException signedOut = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(second.getToken()).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));
        assertThat(signedOut.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(grpc.identity(ada.getToken()).listSessions(first.toBuilder().setPageSize(10).build())
                .getSessionsCount()).isEqualTo(2);

        grpc.identity(ada.getToken()).endAllSessions(EndAllSessionsRequest.newBuilder()
                .setName(ada.getAccount().getName()).build());
        StatusRuntimeException everywhere = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(ada.getToken()).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));
        assertThat(everywhere.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aPageTokenOfAnotherListIsRefused() {
        CreateSessionResponse ada = grpc.newCaller();
        grpc.identity().createSession(CreateSessionRequest.newBuilder().setEmail(ada.getAccount().getEmail())
                .setPassword(PASSWORD).build());
        String token = grpc.identity(ada.getToken()).listSessions(ListSessionsRequest.newBuilder()
                .setParent(ada.getAccount().getName()).setPageSize(1).build()).getNextPageToken();
        CreateSessionResponse bob = grpc.newCaller();

        StatusRuntimeException mismatch = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(bob.getToken()).listSessions(ListSessionsRequest.newBuilder()
                        .setParent(bob.getAccount().getName()).setPageToken(token).build()));
        StatusRuntimeException garbage = catchThrowableOfType(StatusRuntimeException.class, () -> grpc
                .identity(bob.getToken()).listSessions(ListSessionsRequest.newBuilder()
                        .setParent(bob.getAccount().getName()).setPageToken("%%%").build()));

        assertThat(violations(mismatch)).containsExactly("page_token:page_token_mismatch");
        assertThat(violations(garbage)).containsExactly("page_token:invalid_page_token");
    }
}
