package dev.strata.adapters.persistence.memory.planted;

import static dev.strata.contracts.posts.PostStoreRules.ACCOUNT_CONTENT;
import static dev.strata.contracts.posts.PostStoreRules.ACCOUNT_CONTENT_REPEAT;
import static dev.strata.contracts.posts.PostStoreRules.CHANNEL_MISS;
import static dev.strata.contracts.posts.PostStoreRules.CHANNEL_REPLAY;
import static dev.strata.contracts.posts.PostStoreRules.DELETE_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.DELETE_FREES_KEY;
import static dev.strata.contracts.posts.PostStoreRules.DELETE_POST;
import static dev.strata.contracts.posts.PostStoreRules.FIND_MEMBER;
import static dev.strata.contracts.posts.PostStoreRules.FIND_CHANNELS_OF_MEMBER;
import static dev.strata.contracts.posts.PostStoreRules.FIND_POST_MISS;
import static dev.strata.contracts.posts.PostStoreRules.INSERT_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.INSERT_POST;
import static dev.strata.contracts.posts.PostStoreRules.KEYS_PER_AUTHOR;
import static dev.strata.contracts.posts.PostStoreRules.KEY_REUSED;
import static dev.strata.contracts.posts.PostStoreRules.LIST_CHANNELS;
import static dev.strata.contracts.posts.PostStoreRules.LIST_CHANNEL_PAGES;
import static dev.strata.contracts.posts.PostStoreRules.LIST_CURSORS;
import static dev.strata.contracts.posts.PostStoreRules.LIST_LIMIT;
import static dev.strata.contracts.posts.PostStoreRules.LIST_ORDER;
import static dev.strata.contracts.posts.PostStoreRules.LIST_TEXT_SEARCH;
import static dev.strata.contracts.posts.PostStoreRules.LIST_TIME_WINDOW;
import static dev.strata.contracts.posts.PostStoreRules.LIST_VISIBILITY;
import static dev.strata.contracts.posts.PostStoreRules.MEMBERS;
import static dev.strata.contracts.posts.PostStoreRules.MEMBER_NEEDS_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.MEMBER_PAGES;
import static dev.strata.contracts.posts.PostStoreRules.POST_NEEDS_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.REPLAY;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_CHANNEL_MISSING;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_CHANNEL_STALE;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST_MISSING;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST_STALE;

import dev.strata.contracts.posts.ForwardingPostStore;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.ChannelRecord;
import dev.strata.core.posts.store.ChannelUpdateRecord;
import dev.strata.core.posts.store.MemberRecord;
import dev.strata.core.posts.store.NewChannelRecord;
import dev.strata.core.posts.store.NewPostRecord;
import dev.strata.core.posts.store.PostFilter;
import dev.strata.core.posts.store.PostRecord;
import dev.strata.core.posts.store.PostStore;
import dev.strata.core.posts.store.PostUpdateRecord;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** One planted bug (at least) for every rule of {@link PostStore}. */
final class PostStorePlants {

    private PostStorePlants() {
    }

    static List<Plant<PostStore>> all() {
        return List.of(
                new Plant<>(FIND_MEMBER, "finds no member", real -> new ForwardingPostStore(real) {
                    @Override
                    public Optional<MemberRecord> findMember(ChannelId channelId, AccountId accountId) {
                        return Optional.empty();
                    }
                }),
                new Plant<>(MEMBER_PAGES, "reads every page of members from the start", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<MemberRecord> listMembers(ChannelId channelId, ListQuery query) {
                        return real.listMembers(channelId, ListQuery.firstPage(query.sort(), query.limit()));
                    }
                }),
                new Plant<>(LIST_CHANNELS, "lists only the channels the account owns", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query) {
                        Page<ChannelRecord> page = real.listChannels(memberId, query);
                        return new Page<>(page.items().stream().filter(channel -> channel.ownerId().equals(memberId))
                                .toList(), page.hasMore());
                    }
                }),
                new Plant<>(LIST_CHANNEL_PAGES, "reads every page of channels from the start", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query) {
                        return real.listChannels(memberId, new ListQuery(query.filters(), query.sort(), query.limit(), 0,
                                Optional.empty()));
                    }
                }),
                new Plant<>(UPDATE_CHANNEL, "reports a renamed channel at its old version", real -> new ForwardingPostStore(real) {
                    @Override
                    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
                        ChannelRecord stored = real.updateChannel(update);
                        return new ChannelRecord(stored.id(), stored.name(), stored.ownerId(), stored.createdAt(),
                                update.expectedVersion());
                    }
                }),
                new Plant<>(UPDATE_CHANNEL_STALE, "renames a channel whatever the version", real -> new ForwardingPostStore(real) {
                    @Override
                    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
                        long current = real.findChannel(update.id()).map(ChannelRecord::version)
                                .orElse(update.expectedVersion());
                        return real.updateChannel(new ChannelUpdateRecord(update.id(), current, update.name()));
                    }
                }),
                new Plant<>(UPDATE_CHANNEL_MISSING, "calls a missing channel a version mismatch", real -> new ForwardingPostStore(real) {
                    @Override
                    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
                        try {
                            return real.updateChannel(update);
                        } catch (NotFoundException missing) {
                            throw PreconditionFailedException.versionMismatch("the channel", update.expectedVersion());
                        }
                    }
                }),
                new Plant<>(DELETE_CHANNEL, "deletes no channel but says it did", real -> new ForwardingPostStore(real) {
                    @Override
                    public boolean deleteChannel(ChannelId id) {
                        return true;
                    }
                }),
                new Plant<>(ACCOUNT_CONTENT, "deletes only the channels the account owns", real -> new ForwardingPostStore(real) {
                    @Override
                    public void deleteAccountContent(AccountId accountId) {
                        real.listChannels(accountId, ListQuery.firstPage(PostService.CHANNEL_QUERY.defaultSort(), 100))
                                .items().stream().filter(channel -> channel.ownerId().equals(accountId))
                                .forEach(channel -> real.deleteChannel(channel.id()));
                    }
                }),
                new Plant<>(ACCOUNT_CONTENT_REPEAT, "refuses an account that owns no channel", real -> new ForwardingPostStore(real) {
                    @Override
                    public void deleteAccountContent(AccountId accountId) {
                        if (real.listChannels(accountId, ListQuery.firstPage(PostService.CHANNEL_QUERY.defaultSort(), 1))
                                .items().isEmpty()) {
                            throw new NotFoundException("account_not_found", "nothing to delete");
                        }
                        real.deleteAccountContent(accountId);
                    }
                }),
                new Plant<>(INSERT_POST, "reports a new post at version 1", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<PostRecord> insertPost(NewPostRecord post) {
                        return real.insertPost(post).map(stored -> new PostRecord(stored.id(), stored.authorId(),
                                stored.channelId(), stored.body(), stored.createdAt(), stored.updatedAt(), 1));
                    }
                }),
                new Plant<>(FIND_POST_MISS, "throws NotFoundException for an unknown post", real -> new ForwardingPostStore(real) {
                    @Override
                    public Optional<PostRecord> findPost(PostId id) {
                        return Optional.of(real.findPost(id)
                                .orElseThrow(() -> new NotFoundException("post_not_found", "no post " + id)));
                    }
                }),
                new Plant<>(POST_NEEDS_CHANNEL, "makes a post in an unknown channel public", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<PostRecord> insertPost(NewPostRecord post) {
                        boolean channelExists = post.channelId().flatMap(real::findChannel).isPresent();
                        return real.insertPost(channelExists ? post : new NewPostRecord(post.id(), post.authorId(),
                                Optional.empty(), post.body(), post.createdAt(), post.idempotency()));
                    }
                }),
                new Plant<>(UPDATE_POST, "writes the update time but keeps the old body", real -> new ForwardingPostStore(real) {
                    @Override
                    public PostRecord updatePost(PostUpdateRecord update) {
                        String oldBody = real.findPost(update.id()).map(PostRecord::body).orElse(update.body());
                        return real.updatePost(new PostUpdateRecord(update.id(), update.expectedVersion(), oldBody,
                                update.updatedAt()));
                    }
                }),
                new Plant<>(UPDATE_POST_STALE, "ignores the expected version (last write wins)", real -> new ForwardingPostStore(real) {
                    @Override
                    public PostRecord updatePost(PostUpdateRecord update) {
                        long current = real.findPost(update.id()).map(PostRecord::version).orElse(update.expectedVersion());
                        return real.updatePost(new PostUpdateRecord(update.id(), current, update.body(), update.updatedAt()));
                    }
                }),
                new Plant<>(UPDATE_POST_MISSING, "reports a missing post as a version mismatch", real -> new ForwardingPostStore(real) {
                    @Override
                    public PostRecord updatePost(PostUpdateRecord update) {
                        try {
                            return real.updatePost(update);
                        } catch (NotFoundException missing) {
                            throw PreconditionFailedException.versionMismatch("post", update.expectedVersion());
                        }
                    }
                }),
                new Plant<>(DELETE_POST, "says every deleted post existed", real -> new ForwardingPostStore(real) {
                    @Override
                    public boolean deletePost(PostId id) {
                        real.deletePost(id);
                        return true;
                    }
                }),
                new Plant<>(REPLAY, "reports a replay as a new post", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<PostRecord> insertPost(NewPostRecord post) {
                        return Created.fresh(real.insertPost(post).value());
                    }
                }),
                new Plant<>(KEY_REUSED, "inserts a reused key's other request as a new post", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<PostRecord> insertPost(NewPostRecord post) {
                        try {
                            return real.insertPost(post);
                        } catch (IdempotencyKeyReusedException reused) {
                            return real.insertPost(new NewPostRecord(post.id(), post.authorId(), post.channelId(),
                                    post.body(), post.createdAt(), Optional.empty()));
                        }
                    }
                }),
                new Plant<>(DELETE_FREES_KEY, "keeps a deleted post's key taken", PostStorePlants::keepsDeletedKeys),
                new Plant<>(KEYS_PER_AUTHOR, "shares idempotency keys between authors", PostStorePlants::sharesKeys),
                new Plant<>(LIST_ORDER, "breaks ties between posts of one instant by ascending id",
                        listing(page -> new Page<>(page.items().stream().sorted(Comparator
                                .comparing(PostRecord::createdAt).reversed()
                                .thenComparing(post -> post.id().value())).toList(), page.hasMore()))),
                new Plant<>(LIST_VISIBILITY, "hides other authors' public posts", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<PostRecord> listPosts(PostFilter filter) {
                        Page<PostRecord> page = real.listPosts(filter);
                        return new Page<>(page.items().stream().filter(post -> post.channelId().isPresent()
                                || post.authorId().equals(filter.viewer())).toList(), page.hasMore());
                    }
                }),
                new Plant<>(LIST_TIME_WINDOW, "includes the end of a time window", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<PostRecord> listPosts(PostFilter filter) {
                        return real.listPosts(filter.before()
                                .map(end -> filter.createdBefore(end.plus(1, ChronoUnit.MICROS))).orElse(filter));
                    }
                }),
                new Plant<>(LIST_TEXT_SEARCH, "searches case-sensitively", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<PostRecord> listPosts(PostFilter filter) {
                        Page<PostRecord> page = real.listPosts(filter);
                        return new Page<>(page.items().stream().filter(post -> filter.text()
                                .map(text -> post.body().contains(text)).orElse(true)).toList(), page.hasMore());
                    }
                }),
                new Plant<>(LIST_TEXT_SEARCH, "takes % and _ as LIKE wildcards", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<PostRecord> listPosts(PostFilter filter) {
                        if (filter.text().isEmpty() || !filter.text().get().matches(".*[%_].*")) {
                            return real.listPosts(filter);
                        }
                        String pattern = "(?s).*" + filter.text().get().toLowerCase(Locale.ROOT)
                                .replace("%", ".*").replace("_", ".") + ".*";
                        Page<PostRecord> all = real.listPosts(new PostFilter(filter.viewer(), filter.author(),
                                filter.channel(), filter.from(), filter.before(), Optional.empty(), filter.after(),
                                filter.limit(), filter.backwards()));
                        return new Page<>(all.items().stream()
                                .filter(post -> post.body().toLowerCase(Locale.ROOT).matches(pattern)).toList(), false);
                    }
                }),
                new Plant<>(LIST_LIMIT, "says nothing follows any page", listing(page -> new Page<>(page.items(), false))),
                new Plant<>(LIST_CURSORS, "returns a previous page oldest first", real -> new ForwardingPostStore(real) {
                    @Override
                    public Page<PostRecord> listPosts(PostFilter filter) {
                        Page<PostRecord> page = real.listPosts(filter);
                        return filter.backwards() ? new Page<>(page.items().reversed(), page.hasMore()) : page;
                    }
                }),
                new Plant<>(INSERT_CHANNEL, "does not make the owner a member", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<ChannelRecord> insertChannel(NewChannelRecord channel) {
                        Created<ChannelRecord> created = real.insertChannel(channel);
                        real.removeMember(created.value().id(), channel.ownerId());
                        return created;
                    }
                }),
                new Plant<>(FIND_CHANNELS_OF_MEMBER, "finds channels the account is not a member of",
                        real -> new ForwardingPostStore(real) {
                            @Override
                            public List<ChannelRecord> findChannelsOfMember(AccountId memberId, Set<ChannelId> ids) {
                                return ids.stream().map(real::findChannel).flatMap(Optional::stream).toList();
                            }
                        }),
                new Plant<>(CHANNEL_MISS, "throws NotFoundException for an unknown channel", real -> new ForwardingPostStore(real) {
                    @Override
                    public Optional<ChannelRecord> findChannel(ChannelId id) {
                        return Optional.of(real.findChannel(id)
                                .orElseThrow(() -> new NotFoundException("channel_not_found", "no channel " + id)));
                    }
                }),
                new Plant<>(MEMBERS, "says a member already in was added", real -> new ForwardingPostStore(real) {
                    @Override
                    public boolean addMember(MemberRecord member) {
                        real.addMember(member);
                        return true;
                    }
                }),
                new Plant<>(MEMBER_NEEDS_CHANNEL, "answers false for an unknown channel", real -> new ForwardingPostStore(real) {
                    @Override
                    public boolean addMember(MemberRecord member) {
                        try {
                            return real.addMember(member);
                        } catch (NotFoundException missing) {
                            return false;
                        }
                    }
                }),
                new Plant<>(CHANNEL_REPLAY, "ignores a channel's idempotency key", real -> new ForwardingPostStore(real) {
                    @Override
                    public Created<ChannelRecord> insertChannel(NewChannelRecord channel) {
                        return real.insertChannel(new NewChannelRecord(channel.id(), channel.name(), channel.ownerId(),
                                channel.createdAt(), Optional.empty()));
                    }
                }));
    }

    private static UnaryOperator<PostStore> listing(UnaryOperator<Page<PostRecord>> change) {
        return real -> new ForwardingPostStore(real) {
            @Override
            public Page<PostRecord> listPosts(PostFilter filter) {
                return change.apply(real.listPosts(filter));
            }
        };
    }

    private static PostStore keepsDeletedKeys(PostStore real) {
        Map<PostId, String> keys = new ConcurrentHashMap<>();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        return new ForwardingPostStore(real) {
            @Override
            public Created<PostRecord> insertPost(NewPostRecord post) {
                String key = post.authorId().value() + " " + post.idempotency().map(request -> request.key().value()).orElse("");
                if (post.idempotency().isPresent() && deleted.contains(key)) {
                    throw new IdempotencyKeyReusedException();
                }
                Created<PostRecord> created = real.insertPost(post);
                keys.put(created.value().id(), key);
                return created;
            }

            @Override
            public boolean deletePost(PostId id) {
                String key = keys.remove(id);
                if (key != null) {
                    deleted.add(key);
                }
                return real.deletePost(id);
            }
        };
    }

    private static PostStore sharesKeys(PostStore real) {
        Map<String, PostRecord> firstByKey = new ConcurrentHashMap<>();
        return new ForwardingPostStore(real) {
            @Override
            public Created<PostRecord> insertPost(NewPostRecord post) {
                if (post.idempotency().isEmpty()) {
                    return real.insertPost(post);
                }
                String key = post.idempotency().get().key().value();
                PostRecord first = firstByKey.get(key);
                if (first != null && !first.authorId().equals(post.authorId())) {
                    return Created.replayed(first);
                }
                Created<PostRecord> created = real.insertPost(post);
                firstByKey.putIfAbsent(key, created.value());
                return created;
            }
        };
    }
}
