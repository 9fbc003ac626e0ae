package dev.strata.examples.spring;

import dev.strata.core.common.AuthenticationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.orders.OrderService;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A thin Spring MVC adapter over Strata's services: each handler turns a request body into a
 * service call and the result into a response body; every rule (and every error, see
 * {@link StrataProblems}) is the services'.
 */
@RestController
public class ShopController {

    private final IdentityService identity;
    private final OrderService orders;

    ShopController(IdentityService identity, OrderService orders) {
        this.identity = identity;
        this.orders = orders;
    }

    /** What signing up takes. */
    public record SignUp(String email, String password, String displayName) {
    }

    /** What signing in takes. */
    public record SignIn(String email, String password) {
    }

    /** An account as the API shows it. */
    public record AccountView(String id, String email, String displayName) {
        static AccountView of(Account account) {
            return new AccountView(account.id().value(), account.email(), account.displayName());
        }
    }

    /** A signed-in session: the bearer token, shown once. */
    public record SessionView(String token, AccountView account) {
    }

    /** One line of a new order. */
    public record Item(String sku, Integer quantity, BigDecimal unitPrice) {
    }

    /** What creating an order takes. */
    public record NewOrder(String currency, List<Item> items, String comment) {
    }

    /** An order as the API shows it. */
    public record OrderView(String id, String state, String currency, BigDecimal amount, String comment) {
        static OrderView of(Order order) {
            return new OrderView(order.id().value(), order.state().wireName(), order.currency(), order.amount(),
                    order.comment());
        }
    }

    /** Sign up: 201 with the account. */
    @PostMapping("/accounts")
    ResponseEntity<AccountView> signUp(@RequestBody SignUp request) {
        Account account = identity.createAccount(new NewAccount(request.email(), request.password(), request.displayName()));
        return ResponseEntity.created(URI.create("/accounts/" + account.id().value())).body(AccountView.of(account));
    }

    /** Sign in: 201 with the bearer token. */
    @PostMapping("/sessions")
    ResponseEntity<SessionView> signIn(@RequestBody SignIn request) {
        IssuedSession session = identity.signIn(new Credentials(request.email(), request.password()));
        return ResponseEntity.status(201).body(new SessionView(session.token(), AccountView.of(session.account())));
    }

    /** Create an order for the caller: 201 with the order. */
    @PostMapping("/orders")
    ResponseEntity<OrderView> createOrder(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody NewOrder request) {
        List<OrderItemDraft> items = request.items() == null ? null : request.items().stream()
                .map(item -> new OrderItemDraft(item.sku(), item.quantity(), item.unitPrice())).toList();
        Order order = orders.create(caller(authorization), new OrderDraft(request.currency(), items, request.comment()))
                .value();
        return ResponseEntity.created(URI.create("/orders/" + order.id().value())).body(OrderView.of(order));
    }

    /** The caller's orders, newest first (the first page). */
    @GetMapping("/orders")
    List<OrderView> listOrders(@RequestHeader(name = "Authorization", required = false) String authorization) {
        return orders.list(caller(authorization)).items().stream().map(OrderView::of).toList();
    }

    private AuthenticatedSession caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthenticationException("missing_token", "send Authorization: Bearer <token>");
        }
        return identity.verifySession(authorization.substring(7).strip());
    }
}
