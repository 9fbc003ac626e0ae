package dev.strata.adapters.graphql;

import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostService;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * The DataLoaders of one request, through which relations are resolved in batches: every author
 * of a page of posts in one read of the accounts, every channel in one read of the channels (those
 * the caller is a member of), instead of one read per post. Made per request, since what a caller
 * may see (and the cache) is the request's own.
 */
final class Loaders {

    static final String ACCOUNTS = "accounts";
    static final String CHANNELS = "channels";

    private Loaders() {
    }

    static DataLoaderRegistry forRequest(IdentityService identity, PostService posts, Caller caller) {
        DataLoader<AccountId, Account> accounts = DataLoaderFactory.newMappedDataLoader(
                (Set<AccountId> ids) -> batch(() -> identity.findAccounts(ids)));
        DataLoader<ChannelId, Channel> channels = DataLoaderFactory.newMappedDataLoader(
                (Set<ChannelId> ids) -> batch(() -> posts.findChannels(caller.require(), ids)));
        return DataLoaderRegistry.newRegistry().register(ACCOUNTS, accounts).register(CHANNELS, channels).build();
    }

    private static <K, V> CompletableFuture<Map<K, V>> batch(Supplier<Map<K, V>> read) {
        try {
            return CompletableFuture.completedFuture(read.get());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }
}
