package dev.strata.adapters.graphql;

import dev.strata.adapters.graphql.Views.AccountView;
import dev.strata.adapters.graphql.Views.CreatedView;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Member;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import dev.strata.core.posts.PostService;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.dataloader.DataLoader;

/** Posts, channels and members: the posts service's operations as queries, mutations and fields. */
final class PostFields {

    private final PostService posts;

    PostFields(PostService posts) {
        this.posts = Objects.requireNonNull(posts, "posts");
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("post", field -> posts.getPost(Fetching.session(field), postId(field, "id")))
                .dataFetcher("posts", field -> {
                    AuthenticatedSession caller = Fetching.session(field);
                    Optional<String> text = Optional.ofNullable(field.getArgument("query"));
                    return postPage(field, "all|" + text.orElse(""), text,
                            (query, ignored) -> posts.searchPosts(caller, query));
                })
                .dataFetcher("channel", field -> posts.getChannel(Fetching.session(field), channelId(field, "id"))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createPost", this::createPost)
                .dataFetcher("editPost", field -> posts.editPost(Fetching.session(field), postId(field, "id"),
                        field.getArgument("body"), field.<Integer>getArgument("expectedVersion")))
                .dataFetcher("deletePost", field -> {
                    posts.deletePost(Fetching.session(field), postId(field, "id"));
                    return true;
                })
                .dataFetcher("createChannel", this::createChannel)
                .dataFetcher("addMember", this::addMember)
                .dataFetcher("removeMember", field -> {
                    posts.removeMember(Fetching.session(field), channelId(field, "channelId"),
                            Fetching.id(field, "accountId", AccountId::new));
                    return true;
                }));
        wiring.type("Account", type -> type.dataFetcher("posts", field -> {
            AccountView author = field.getSource();
            AuthenticatedSession caller = Fetching.session(field);
            return postPage(field, "account|" + author.id().value(), Optional.empty(),
                    (query, ignored) -> posts.listAccountPosts(caller, author.id(), query));
        }));
        wiring.type("Post", type -> type
                .dataFetcher("id", field -> Fetching.<Post>source(field).id().value())
                .dataFetcher("author", this::author)
                .dataFetcher("channel", this::channel));
        wiring.type("Channel", type -> type
                .dataFetcher("id", field -> Fetching.<Channel>source(field).id().value())
                .dataFetcher("owner", field -> AccountView.seenBy(Fetching.session(field),
                        Fetching.<Channel>source(field).ownerId()))
                .dataFetcher("members", this::members)
                .dataFetcher("posts", field -> {
                    Channel channel = field.getSource();
                    AuthenticatedSession caller = Fetching.session(field);
                    return postPage(field, "channel|" + channel.id().value(), Optional.empty(),
                            (query, ignored) -> posts.listChannelPosts(caller, channel.id(), query));
                }));
        wiring.type("Member", type -> type
                .dataFetcher("account", field -> AccountView.seenBy(Fetching.session(field),
                        Fetching.<Member>source(field).accountId())));
        wiring.type("CreatePostPayload", type -> type
                .dataFetcher("post", field -> Fetching.<CreatedView>source(field).value()));
        wiring.type("CreateChannelPayload", type -> type
                .dataFetcher("channel", field -> Fetching.<CreatedView>source(field).value()));
    }

    private Object createPost(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        Map<String, Object> input = field.getArgument("input");
        Optional<IdempotencyKey> key = Fetching.idempotencyKey(field);
        String body = (String) input.get("body");
        Created<Post> created;
        if (input.get("channelId") instanceof String channel) {
            ChannelId channelId = Fetching.id("channelId", channel, ChannelId::new);
            created = key.map(value -> posts.createChannelPost(caller, channelId, body, value))
                    .orElseGet(() -> posts.createChannelPost(caller, channelId, body));
        } else {
            created = key.map(value -> posts.createPost(caller, body, value)).orElseGet(() -> posts.createPost(caller, body));
        }
        return new CreatedView(created.value(), created.replayed());
    }

    private Object createChannel(DataFetchingEnvironment field) {
        Map<String, Object> input = field.getArgument("input");
        AuthenticatedSession caller = Fetching.session(field);
        String name = (String) input.get("name");
        Created<Channel> created = Fetching.idempotencyKey(field).map(key -> posts.createChannel(caller, name, key))
                .orElseGet(() -> posts.createChannel(caller, name));
        return new CreatedView(created.value(), created.replayed());
    }

    private Object addMember(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        ChannelId channel = channelId(field, "channelId");
        AccountId account = Fetching.id(field, "accountId", AccountId::new);
        boolean added = posts.addMember(caller, channel, account);
        Member member = posts.getMember(caller, channel, account);
        return Map.of("member", member, "added", added);
    }

    private CompletableFuture<AccountView> author(DataFetchingEnvironment field) {
        Post post = field.getSource();
        AuthenticatedSession caller = Fetching.session(field);
        DataLoader<AccountId, Account> accounts = field.getDataLoader(Loaders.ACCOUNTS);
        return accounts.load(post.authorId())
                .thenApply(account -> account == null ? null : AccountView.seenBy(caller, account.id()));
    }

    private CompletableFuture<Channel> channel(DataFetchingEnvironment field) {
        Post post = field.getSource();
        if (post.channelId().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<ChannelId, Channel> channels = field.getDataLoader(Loaders.CHANNELS);
        return channels.load(post.channelId().get());
    }

    /** A page of a channel's members, earliest joined first; the cursors are REST's page tokens for the same list. */
    private Connection<Member> members(DataFetchingEnvironment field) {
        Channel channel = field.getSource();
        Paging paging = Paging.of(field);
        ListQuery query = Cursors.naming(paging.cursorArgument(), () -> PostService.MEMBER_QUERY.listQuery(null, null,
                paging.size(), paging.cursor().orElse(null)));
        Page<Member> page = posts.listMembers(Fetching.session(field), channel.id(), query);
        return Connection.of(page.items(), page.hasMore(), paging,
                member -> PostService.MEMBER_QUERY.pageTokenAfter(query, member, PostService::memberSortValue,
                        listed -> listed.accountId().value()));
    }

    /**
     * A page of a newest-first list of posts, read by {@code list} as Relay's arguments ask; cursors
     * are bound to {@code binding} (which list, and the search).
     */
    private static Connection<Post> postPage(DataFetchingEnvironment field, String binding, Optional<String> text,
            BiFunction<PostQuery, Paging, Page<Post>> list) {
        Paging paging = Paging.of(field);
        String bound = "posts|" + binding;
        PostQuery query = PostQuery.newest().withLimit(paging.size());
        if (text.isPresent()) {
            query = query.containing(text.get());
        }
        if (paging.cursor().isPresent()) {
            PostCursor position = Cursors.read(paging, PostQuery.SCHEMA, bound,
                    cursor -> new PostCursor((Instant) cursor.sortValues().getFirst(), new PostId(cursor.id())));
            query = paging.backwards() ? query.before(position) : query.after(position);
        }
        Page<Post> page = list.apply(query, paging);
        return Connection.of(page.items(), page.hasMore(), paging,
                post -> Cursors.after(PostQuery.SCHEMA, bound, List.of(post.createdAt()), post.id().value()));
    }

    private static PostId postId(DataFetchingEnvironment field, String argument) {
        return Fetching.id(field, argument, PostId::new);
    }

    private static ChannelId channelId(DataFetchingEnvironment field, String argument) {
        return Fetching.id(field, argument, ChannelId::new);
    }

}
