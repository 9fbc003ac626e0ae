package dev.strata.adapters.persistence.memory.planted;

import static dev.strata.contracts.posts.PostStoreRules.CHANNEL_MISS;
import static dev.strata.contracts.posts.PostStoreRules.CHANNEL_REPLAY;
import static dev.strata.contracts.posts.PostStoreRules.DELETE_FREES_KEY;
import static dev.strata.contracts.posts.PostStoreRules.DELETE_POST;
import static dev.strata.contracts.posts.PostStoreRules.FIND_CHANNELS_OF_MEMBER;
import static dev.strata.contracts.posts.PostStoreRules.FIND_POST_MISS;
import static dev.strata.contracts.posts.PostStoreRules.INSERT_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.INSERT_POST;
import static dev.strata.contracts.posts.PostStoreRules.KEYS_PER_AUTHOR;
import static dev.strata.contracts.posts.PostStoreRules.KEY_REUSED;
import static dev.strata.contracts.posts.PostStoreRules.LIST_CURSORS;
import static dev.strata.contracts.posts.PostStoreRules.LIST_LIMIT;
import static dev.strata.contracts.posts.PostStoreRules.LIST_ORDER;
import static dev.strata.contracts.posts.PostStoreRules.LIST_TEXT_SEARCH;
import static dev.strata.contracts.posts.PostStoreRules.LIST_TIME_WINDOW;
import static dev.strata.contracts.posts.PostStoreRules.LIST_VISIBILITY;
import static dev.strata.contracts.posts.PostStoreRules.MEMBERS;
import static dev.strata.contracts.posts.PostStoreRules.MEMBER_NEEDS_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.POST_NEEDS_CHANNEL;
import static dev.strata.contracts.posts.PostStoreRules.REPLAY;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST_MISSING;
import static dev.strata.contracts.posts.PostStoreRules.UPDATE_POST_STALE;

import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.store.ChannelRecord;
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
                        return real.listPosts(filter.createdIn(filter.from(),
                                filter.before().map(end -> end.plus(1, ChronoUnit.MICROS))));
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
                        Page<PostRecord> all = real.listPosts(filter.containing(Optional.empty()));
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
