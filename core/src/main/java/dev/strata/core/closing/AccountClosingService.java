package dev.strata.core.closing;

import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import java.util.Objects;

/**
 * Closes an account, with what that means for everything it made:
 * <ul>
 *   <li>its sessions end, and the account is deleted: its email is free to sign up again, because
 *       nothing of the person is kept that could be tied to it (a new account gets a new id, so it
 *       never sees what the old one left);</li>
 *   <li>its posts are deleted, wherever they were; the channels it owns are deleted with their
 *       posts and members; its memberships of other channels end;</li>
 *   <li>its open orders are cancelled (reason {@value #CANCELLATION_REASON}); paid, shipped and
 *       cancelled orders are kept as they are, for the record (a paid order is money received);
 *       nobody can read them through the API any more.</li>
 * </ul>
 *
 * <p>Not one transaction: the steps run in that order after the password is checked, and each is
 * harmless to repeat, so that a closing cut short is finished by closing again.
 *
 * <p>Thread-safe: it holds only the services.
 */
public final class AccountClosingService {

    /** The reason recorded on the open orders a closing account leaves. */
    public static final String CANCELLATION_REASON = "account closed";

    private final IdentityService identity;
    private final PostService posts;
    private final OrderService orders;

    /** A closing service over the three services whose data an account has. */
    public AccountClosingService(IdentityService identity, PostService posts, OrderService orders) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /**
     * Closes the caller's own account, confirmed by its current password.
     *
     * @throws ValidationException  naming {@code current_password}: {@code required}, {@code too_long}
     *                              or {@code incorrect}
     * @throws NotFoundException    with code {@code account_not_found} for any other account
     * @throws RateLimitedException when the account's email is locked out by failed attempts
     */
    public void closeAccount(AuthenticatedSession caller, AccountId id, String currentPassword) {
        identity.closeAccount(caller, id, currentPassword, closing -> {
            posts.deleteAccountContent(closing);
            orders.cancelOpenOrders(closing, CANCELLATION_REASON);
        });
    }
}
