package dev.strata.contracts.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.contracts.Checks;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.core.common.Created;
import dev.strata.core.common.Filter;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.Timestamps;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostCursor;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link PostStore} must have. Extend it with {@link #newStore()} returning your
 * implementation. Tests make their own authors and channels (fresh ids), so a store may share its
 * database with other tests; lists are always narrowed to this test's author or channel, or to a
 * word only this test uses.
 */
@ExtendWith(RuleReporter.class)
public abstract class PostStoreContract {

    protected static final Instant T0 = Timestamps.now(Clock.systemUTC());

    protected PostStore store;

    /** A new store; it may share its backing database with other tests. */
    protected abstract PostStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private static AccountId newAccount() {
        return AccountId.generate(Clock.systemUTC());
    }

    private PostRecord insertPost(AccountId author, Optional<ChannelId> channel, String body, Instant at) {
        return store.insertPost(new NewPostRecord(PostId.generate(Clock.systemUTC()), author, channel, body, at,
                Optional.empty())).value();
    }

    private PostRecord insertPublic(AccountId author, String body, Instant at) {
        return insertPost(author, Optional.empty(), body, at);
    }

    private ChannelRecord insertChannel(AccountId owner) {
        return store.insertChannel(new NewChannelRecord(ChannelId.generate(Clock.systemUTC()), "general", owner, T0,
                Optional.empty())).value();
    }

    private static IdempotentRequest keyed(String key, String fingerprintPart) {
        return new IdempotentRequest(new IdempotencyKey(key), RequestFingerprint.of("create_post", fingerprintPart));
    }

    private List<PostId> ids(Page<PostRecord> page) {
        return page.items().stream().map(PostRecord::id).toList();
    }

    /** {@code count} public posts by {@code author}, a second apart from {@link #T0}; their ids newest first. */
    private List<PostId> insertNewestFirst(AccountId author, int count) {
        List<PostId> newestFirst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            newestFirst.addFirst(insertPublic(author, "post " + i, T0.plusSeconds(i)).id());
        }
        return newestFirst;
    }

    @Nested
    class Posts {

        @Test

        @Checks(PostStoreRules.INSERT_POST)
        void aPostReadsBackExactlyAsInsertedAtVersionZero() {
            AccountId author = newAccount();

            PostRecord inserted = insertPublic(author, PostFixtures.UNICODE_BODY, T0);

            PostRecord found = store.findPost(inserted.id()).orElseThrow();
            assertThat(found).isEqualTo(inserted);
            assertThat(found.body()).isEqualTo(PostFixtures.UNICODE_BODY);
            assertThat(found.version()).isZero();
            assertThat(found.updatedAt()).isEqualTo(T0);
            assertThat(found.channelId()).isEmpty();
        }

        @Test

        @Checks(PostStoreRules.FIND_POST_MISS)
        void anUnknownPostIsEmpty() {
            assertThat(store.findPost(PostId.generate(Clock.systemUTC()))).isEmpty();
        }

        @Test

        @Checks(PostStoreRules.POST_NEEDS_CHANNEL)
        void aPostInAMissingChannelIsRefused() {
            assertThatThrownBy(() -> insertPost(newAccount(), Optional.of(ChannelId.generate(Clock.systemUTC())), "x", T0))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            error -> assertThat(error.code()).isEqualTo("channel_not_found"));
        }

        @Test

        @Checks(PostStoreRules.UPDATE_POST)
        void anUpdateAtTheCurrentVersionRaisesIt() {
            PostRecord post = insertPublic(newAccount(), "before", T0);

            PostRecord updated = store.updatePost(new PostUpdateRecord(post.id(), 0, "after", T0.plusSeconds(1)));

            assertThat(updated.body()).isEqualTo("after");
            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(updated.createdAt()).isEqualTo(T0);
            assertThat(store.findPost(post.id())).contains(updated);
        }

        @Test

        @Checks(PostStoreRules.UPDATE_POST)
        void anUpdateChangesTheBodyAloneAndKeepsAuthorChannelAndCreationTime() {
            AccountId author = newAccount();
            ChannelRecord channel = insertChannel(author);
            PostRecord post = insertPost(author, Optional.of(channel.id()), "before", T0);

            PostRecord updated = store.updatePost(new PostUpdateRecord(post.id(), 0, "after", T0.plusSeconds(5)));

            assertThat(updated).isEqualTo(new PostRecord(post.id(), author, Optional.of(channel.id()), "after", T0,
                    T0.plusSeconds(5), 1));
            assertThat(store.findPost(post.id())).contains(updated);
        }

        @Test

        @Checks(PostStoreRules.UPDATE_POST_STALE)
        void aStaleUpdateIsRefusedAndChangesNothing() {
            PostRecord post = insertPublic(newAccount(), "before", T0);

            assertThatThrownBy(() -> store.updatePost(new PostUpdateRecord(post.id(), 7, "after", T0)))
                    .isInstanceOfSatisfying(PreconditionFailedException.class,
                            error -> assertThat(error.code()).isEqualTo("version_mismatch"));
            assertThat(store.findPost(post.id())).contains(post);
        }

        @Test

        @Checks(PostStoreRules.UPDATE_POST_MISSING)
        void updatingAMissingPostIsNotFound() {
            assertThatThrownBy(() -> store.updatePost(
                    new PostUpdateRecord(PostId.generate(Clock.systemUTC()), 0, "after", T0)))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            error -> assertThat(error.code()).isEqualTo("post_not_found"));
        }

        @Test

        @Checks(PostStoreRules.UPDATE_POST_STALE)
        void concurrentUpdatesAtOneVersionLetExactlyOneWin() throws InterruptedException {
            PostRecord post = insertPublic(newAccount(), "before", T0);
            AtomicInteger attempt = new AtomicInteger();

            List<Race.Outcome> outcomes = Race.of(8, () -> store.updatePost(
                    new PostUpdateRecord(post.id(), 0, "after " + attempt.incrementAndGet(), T0)));

            assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                    .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(PreconditionFailedException.class));
            assertThat(store.findPost(post.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test

        @Checks(PostStoreRules.DELETE_POST)
        void aDeletedPostIsGone() {
            PostRecord post = insertPublic(newAccount(), "bye", T0);

            assertThat(store.deletePost(post.id())).isTrue();
            assertThat(store.deletePost(post.id())).isFalse();
            assertThat(store.findPost(post.id())).isEmpty();
        }
    }

    @Nested
    class IdempotentInserts {

        private Created<PostRecord> insert(AccountId author, IdempotentRequest request, String body) {
            return store.insertPost(new NewPostRecord(PostId.generate(Clock.systemUTC()), author, Optional.empty(), body,
                    T0, Optional.of(request)));
        }

        @Test

        @Checks(PostStoreRules.REPLAY)
        void theSameKeyAndRequestReplaysTheFirstPost() {
            AccountId author = newAccount();
            String key = UUID.randomUUID().toString();

            Created<PostRecord> first = insert(author, keyed(key, "hello"), "hello");
            Created<PostRecord> again = insert(author, keyed(key, "hello"), "hello");

            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.value()).isEqualTo(first.value());
            assertThat(ids(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author))))
                    .containsExactly(first.value().id());
        }

        @Test

        @Checks(PostStoreRules.KEY_REUSED)
        void theSameKeyWithAnotherRequestIsRefused() {
            AccountId author = newAccount();
            String key = UUID.randomUUID().toString();
            insert(author, keyed(key, "hello"), "hello");

            assertThatThrownBy(() -> insert(author, keyed(key, "goodbye"), "goodbye"))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)).items()).hasSize(1);
        }

        @Test

        @Checks(PostStoreRules.DELETE_FREES_KEY)
        void aDeletedPostsKeyIsFreeAgain() {
            AccountId author = newAccount();
            String key = UUID.randomUUID().toString();
            Created<PostRecord> first = insert(author, keyed(key, "hello"), "hello");
            store.deletePost(first.value().id());

            Created<PostRecord> again = insert(author, keyed(key, "goodbye"), "goodbye");

            assertThat(again.replayed()).as("deleting a post frees the key it was created with").isFalse();
            assertThat(store.findPost(again.value().id()).map(PostRecord::body)).contains("goodbye");
        }

        @Test

        @Checks(PostStoreRules.KEYS_PER_AUTHOR)
        void keysBelongToTheirAuthor() {
            String key = UUID.randomUUID().toString();

            Created<PostRecord> mine = insert(newAccount(), keyed(key, "hello"), "hello");
            Created<PostRecord> theirs = insert(newAccount(), keyed(key, "hello"), "hello");

            assertThat(theirs.replayed()).isFalse();
            assertThat(theirs.value().id()).isNotEqualTo(mine.value().id());
        }

        @Test

        @Checks(PostStoreRules.REPLAY)
        void concurrentDuplicatesCreateExactlyOnePost() throws InterruptedException {
            AccountId author = newAccount();
            String key = UUID.randomUUID().toString();

            List<Race.Outcome> outcomes = Race.of(16, () -> insert(author, keyed(key, "once"), "once"));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
            List<Created<?>> results = new ArrayList<>();
            outcomes.forEach(outcome -> results.add((Created<?>) outcome.result()));
            assertThat(results).filteredOn(created -> !created.replayed()).hasSize(1);
            assertThat(results).extracting(created -> ((PostRecord) created.value()).id())
                    .containsOnly(((PostRecord) results.getFirst().value()).id());
            assertThat(store.listPosts(PostFilter.visibleTo(author, 100).byAuthor(author)).items()).hasSize(1);
        }
    }

    @Nested
    class Lists {

        @Test

        @Checks(PostStoreRules.LIST_ORDER)
        void newestFirstWithTheIdBreakingTies() {
            AccountId author = newAccount();
            PostRecord old = insertPublic(author, "old", T0);
            PostRecord tiedFirst = insertPublic(author, "tied 1", T0.plusSeconds(1));
            PostRecord tiedSecond = insertPublic(author, "tied 2", T0.plusSeconds(1));
            PostRecord newest = insertPublic(author, "new", T0.plusSeconds(2));

            Page<PostRecord> page = store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author));

            assertThat(ids(page)).containsExactly(newest.id(), tiedSecond.id(), tiedFirst.id(), old.id());
            assertThat(page.hasMore()).isFalse();
        }

        @Test

        @Checks(PostStoreRules.LIST_VISIBILITY)
        void aViewerSeesPublicPostsAndItsChannelsOnly() {
            AccountId author = newAccount();
            AccountId viewer = newAccount();
            ChannelRecord joined = insertChannel(author);
            ChannelRecord notJoined = insertChannel(author);
            store.addMember(new MemberRecord(joined.id(), viewer, T0));
            PostRecord open = insertPublic(author, "public", T0);
            PostRecord inJoined = insertPost(author, Optional.of(joined.id()), "joined", T0.plusSeconds(1));
            insertPost(author, Optional.of(notJoined.id()), "hidden", T0.plusSeconds(2));

            assertThat(ids(store.listPosts(PostFilter.visibleTo(viewer, 10).byAuthor(author))))
                    .containsExactly(inJoined.id(), open.id());
            assertThat(ids(store.listPosts(PostFilter.visibleTo(viewer, 10).inChannel(joined.id()))))
                    .containsExactly(inJoined.id());
            assertThat(store.listPosts(PostFilter.visibleTo(viewer, 10).inChannel(notJoined.id())).items()).isEmpty();
        }

        @Test

        @Checks(PostStoreRules.LIST_TIME_WINDOW)
        void aTimeWindowIsHalfOpen() {
            AccountId author = newAccount();
            insertPublic(author, "before", T0.minusMillis(1));
            PostRecord atStart = insertPublic(author, "start", T0);
            PostRecord inside = insertPublic(author, "inside", T0.plusSeconds(30));
            insertPublic(author, "at end", T0.plusSeconds(60));

            Page<PostRecord> page = store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)
                    .createdFrom(T0).createdBefore(T0.plusSeconds(60)));

            assertThat(ids(page)).containsExactly(inside.id(), atStart.id());
        }

        @Test

        @Checks(PostStoreRules.LIST_TEXT_SEARCH)
        void textSearchIgnoresCaseAndTakesWildcardsLiterally() {
            AccountId author = newAccount();
            String word = PostFixtures.uniqueWord();
            PostRecord upper = insertPublic(author, "Say " + word.toUpperCase() + " loudly", T0);
            PostRecord lower = insertPublic(author, "say " + word + " softly", T0.plusSeconds(1));
            PostRecord percent = insertPublic(author, word + " at 100%_ sure", T0.plusSeconds(2));
            insertPublic(author, "nothing to see", T0.plusSeconds(3));

            assertThat(ids(store.listPosts(PostFilter.visibleTo(author, 10).containing(word))))
                    .containsExactly(percent.id(), lower.id(), upper.id());
            assertThat(ids(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)
                    .containing("100%_"))))
                    .containsExactly(percent.id());
            assertThat(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)
                    .containing("s%y")).items()).isEmpty();
        }

        @Test

        @Checks(PostStoreRules.LIST_TEXT_SEARCH)
        void textSearchIgnoresCaseBeyondAscii() {
            AccountId author = newAccount();
            PostRecord post = insertPublic(author, "Un \u00c9T\u00c9 " + PostFixtures.uniqueWord(), T0);

            assertThat(ids(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)
                    .containing("\u00e9t\u00e9"))))
                    .containsExactly(post.id());
        }

        @Test

        @Checks(PostStoreRules.LIST_TEXT_SEARCH)
        void textSearchFindsUnicodeText() {
            AccountId author = newAccount();
            PostRecord post = insertPublic(author, PostFixtures.UNICODE_BODY + " " + PostFixtures.uniqueWord(), T0);

            assertThat(ids(store.listPosts(PostFilter.visibleTo(author, 10).byAuthor(author)
                    .containing("\u05e9\u05dc\u05d5\u05dd"))))
                    .containsExactly(post.id());
        }

        @Test

        @Checks(PostStoreRules.LIST_LIMIT)
        void aPageHoldsExactlyItsLimitAndSaysWhetherMoreFollow() {
            AccountId author = newAccount();
            List<PostId> newestFirst = insertNewestFirst(author, 4);

            for (int limit = 1; limit <= 5; limit++) {
                Page<PostRecord> page = store.listPosts(PostFilter.visibleTo(author, limit).byAuthor(author));

                assertThat(ids(page)).as("a page of at most %d posts", limit)
                        .containsExactlyElementsOf(newestFirst.subList(0, Math.min(limit, 4)));
                assertThat(page.hasMore()).as("whether more follow a page of %d of 4 posts", limit).isEqualTo(limit < 4);
            }
        }

        @Test

        @Checks(PostStoreRules.LIST_CURSORS)
        void nothingFollowsTheOldestPostAndNothingPrecedesTheNewest() {
            AccountId author = newAccount();
            PostRecord oldest = insertPublic(author, "oldest", T0);
            PostRecord newest = insertPublic(author, "newest", T0.plusSeconds(1));
            PostFilter filter = PostFilter.visibleTo(author, 5).byAuthor(author);

            Page<PostRecord> afterOldest = store.listPosts(filter.after(new PostCursor(oldest.createdAt(), oldest.id())));
            Page<PostRecord> beforeNewest = store.listPosts(filter.before(new PostCursor(newest.createdAt(), newest.id())));
            Page<PostRecord> beforeOldest = store.listPosts(filter.before(new PostCursor(oldest.createdAt(), oldest.id())));

            assertThat(afterOldest.items()).as("no post after the oldest").isEmpty();
            assertThat(afterOldest.hasMore()).isFalse();
            assertThat(beforeNewest.items()).as("no post before the newest").isEmpty();
            assertThat(beforeNewest.hasMore()).isFalse();
            assertThat(ids(beforeOldest)).as("the post before the oldest is the newest").containsExactly(newest.id());
            assertThat(beforeOldest.hasMore()).isFalse();
        }

        @Test

        @Checks(PostStoreRules.LIST_CURSORS)
        void pagesFollowEachOtherWithoutGapsOrRepeats() {
            AccountId author = newAccount();
            List<PostId> inserted = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                inserted.addFirst(insertPublic(author, "post " + i, T0.plusSeconds(i / 2)).id());
            }

            List<PostId> seen = new ArrayList<>();
            PostFilter filter = PostFilter.visibleTo(author, 3).byAuthor(author);
            Page<PostRecord> page = store.listPosts(filter);
            seen.addAll(ids(page));
            while (page.hasMore()) {
                PostRecord last = page.items().getLast();
                page = store.listPosts(filter.after(new PostCursor(last.createdAt(), last.id())));
                seen.addAll(ids(page));
            }

            assertThat(seen).containsExactlyElementsOf(inserted);
        }

        @Test

        @Checks(PostStoreRules.LIST_CURSORS)
        void aPreviousPageReadsTheNewerSideNewestFirst() {
            AccountId author = newAccount();
            List<PostId> newestFirst = insertNewestFirst(author, 6);
            PostRecord fourth = store.findPost(newestFirst.get(3)).orElseThrow();
            PostFilter filter = PostFilter.visibleTo(author, 2).byAuthor(author);

            Page<PostRecord> previous = store.listPosts(filter.before(new PostCursor(fourth.createdAt(), fourth.id())));
            Page<PostRecord> first = store.listPosts(filter.before(store.findPost(newestFirst.get(1))
                    .map(post -> new PostCursor(post.createdAt(), post.id())).orElseThrow()));

            assertThat(ids(previous)).containsExactly(newestFirst.get(1), newestFirst.get(2));
            assertThat(previous.hasMore()).isTrue();
            assertThat(ids(first)).containsExactly(newestFirst.get(0));
            assertThat(first.hasMore()).isFalse();
        }

        @Test

        @Checks(PostStoreRules.LIST_CURSORS)
        void postsInsertedWhilePagingAreNeitherSkippedNorRepeated() throws InterruptedException {
            AccountId author = newAccount();
            List<PostId> before = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                before.addFirst(insertPublic(author, "post " + i, T0.plus(Duration.ofMillis(i))).id());
            }
            PostFilter filter = PostFilter.visibleTo(author, 4).byAuthor(author);
            List<PostId> seen = new ArrayList<>();
            Page<PostRecord> page = store.listPosts(filter);
            seen.addAll(ids(page));
            int round = 0;
            while (page.hasMore()) {
                int newRound = round++;
                // Others keep posting (newer than everything listed) while this client pages.
                Race.of(4, () -> insertPublic(author, "meanwhile " + newRound, T0.plusSeconds(60 + newRound)));
                PostRecord last = page.items().getLast();
                page = store.listPosts(filter.after(new PostCursor(last.createdAt(), last.id())));
                seen.addAll(ids(page));
            }

            assertThat(seen).containsExactlyElementsOf(before);
        }
    }

    @Nested
    class Channels {

        @Test

        @Checks(PostStoreRules.INSERT_CHANNEL)
        void aChannelReadsBackAndItsOwnerIsItsFirstMember() {
            AccountId owner = newAccount();

            ChannelRecord channel = insertChannel(owner);

            assertThat(store.findChannel(channel.id())).contains(channel);
            assertThat(channel.version()).isZero();
            assertThat(store.isMember(channel.id(), owner)).isTrue();
            assertThat(members(channel.id())).containsExactly(new MemberRecord(channel.id(), owner, T0));
        }

        @Test
        @Checks(PostStoreRules.FIND_CHANNELS_OF_MEMBER)
        void manyChannelsAreFoundInOneReadOnlyWhereTheAccountIsAMember() {
            AccountId reader = newAccount();
            ChannelRecord own = insertChannel(reader);
            ChannelRecord joined = insertChannel(newAccount());
            store.addMember(new MemberRecord(joined.id(), reader, T0.plusSeconds(1)));
            ChannelRecord foreign = insertChannel(newAccount());
            ChannelId unknown = ChannelId.generate(Clock.systemUTC());

            assertThat(store.findChannelsOfMember(reader, Set.of(own.id(), joined.id(), foreign.id(), unknown)))
                    .containsExactlyInAnyOrder(own, joined);
            assertThat(store.findChannelsOfMember(reader, Set.of(foreign.id()))).isEmpty();
            assertThat(store.findChannelsOfMember(reader, Set.of())).isEmpty();
        }

        @Test
        @Checks(PostStoreRules.CHANNEL_MISS)
        void anUnknownChannelIsEmptyAndHasNoMembers() {
            ChannelId unknown = ChannelId.generate(Clock.systemUTC());

            assertThat(store.findChannel(unknown)).isEmpty();
            assertThat(store.isMember(unknown, newAccount())).isFalse();
            assertThat(members(unknown)).isEmpty();
        }

        @Test

        @Checks(PostStoreRules.MEMBERS)
        void membersAreAddedOnceAndRemoved() {
            AccountId owner = newAccount();
            AccountId member = newAccount();
            ChannelRecord channel = insertChannel(owner);

            assertThat(store.addMember(new MemberRecord(channel.id(), member, T0.plusSeconds(1)))).isTrue();
            assertThat(store.addMember(new MemberRecord(channel.id(), member, T0.plusSeconds(2)))).isFalse();
            assertThat(members(channel.id())).extracting(MemberRecord::accountId).containsExactly(owner, member);
            assertThat(members(channel.id()).getLast().joinedAt()).isEqualTo(T0.plusSeconds(1));

            assertThat(store.removeMember(channel.id(), member)).isTrue();
            assertThat(store.removeMember(channel.id(), member)).isFalse();
            assertThat(store.isMember(channel.id(), member)).isFalse();
        }

        @Test

        @Checks(PostStoreRules.MEMBERS)
        void concurrentAddsOfOneMemberAddItOnce() throws InterruptedException {
            ChannelRecord channel = insertChannel(newAccount());
            AccountId member = newAccount();

            List<Race.Outcome> outcomes = Race.of(8, () -> store.addMember(new MemberRecord(channel.id(), member, T0)));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
            assertThat(outcomes).filteredOn(outcome -> Boolean.TRUE.equals(outcome.result())).hasSize(1);
            assertThat(members(channel.id())).hasSize(2);
        }

        @Test

        @Checks(PostStoreRules.MEMBER_NEEDS_CHANNEL)
        void addingToAMissingChannelIsRefused() {
            assertThatThrownBy(() -> store.addMember(
                    new MemberRecord(ChannelId.generate(Clock.systemUTC()), newAccount(), T0)))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            error -> assertThat(error.code()).isEqualTo("channel_not_found"));
        }

        @Test

        @Checks(PostStoreRules.CHANNEL_REPLAY)
        void channelCreationIsIdempotentPerOwner() throws InterruptedException {
            AccountId owner = newAccount();
            IdempotentRequest request = new IdempotentRequest(new IdempotencyKey(UUID.randomUUID().toString()),
                    RequestFingerprint.of("create_channel", "general"));

            List<Race.Outcome> outcomes = Race.of(8, () -> store.insertChannel(new NewChannelRecord(
                    ChannelId.generate(Clock.systemUTC()), "general", owner, T0, Optional.of(request))));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
            assertThat(outcomes).filteredOn(outcome -> !((Created<?>) outcome.result()).replayed()).hasSize(1);
            assertThat(outcomes).extracting(outcome -> ((ChannelRecord) ((Created<?>) outcome.result()).value()).id())
                    .containsOnly(((ChannelRecord) ((Created<?>) outcomes.getFirst().result()).value()).id());
            IdempotentRequest other = new IdempotentRequest(request.key(), RequestFingerprint.of("create_channel", "x"));
            assertThatThrownBy(() -> store.insertChannel(new NewChannelRecord(ChannelId.generate(Clock.systemUTC()), "x",
                    owner, T0, Optional.of(other)))).isInstanceOf(StrataException.class)
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }
    }

    private List<MemberRecord> members(ChannelId channel) {
        return store.listMembers(channel, ListQuery.firstPage(PostService.MEMBER_QUERY.defaultSort(), 100)).items();
    }

    private ChannelRecord insertChannelAt(AccountId owner, String name, Instant at) {
        return store.insertChannel(new NewChannelRecord(ChannelId.generate(Clock.systemUTC()), name, owner, at,
                Optional.empty())).value();
    }

    private static ListQuery channelsNewestFirst(int limit) {
        return ListQuery.firstPage(PostService.CHANNEL_QUERY.defaultSort(), limit);
    }

    private static List<ChannelId> channelIds(Page<ChannelRecord> page) {
        return page.items().stream().map(ChannelRecord::id).toList();
    }

    @Nested
    class ChannelLists {

        @Test
        @Checks(PostStoreRules.LIST_CHANNELS)
        void anAccountsChannelsAreThoseItOwnsOrBelongsToNewestFirst() {
            AccountId account = newAccount();
            AccountId other = newAccount();
            ChannelRecord owned = insertChannelAt(account, "owned", T0);
            ChannelRecord joined = insertChannelAt(other, "joined", T0.plusSeconds(1));
            insertChannelAt(other, "not mine", T0.plusSeconds(2));
            store.addMember(new MemberRecord(joined.id(), account, T0.plusSeconds(3)));

            Page<ChannelRecord> page = store.listChannels(account, channelsNewestFirst(10));

            assertThat(channelIds(page)).containsExactly(joined.id(), owned.id());
            assertThat(page.items().getLast()).isEqualTo(owned);
            assertThat(page.hasMore()).isFalse();
            assertThat(store.listChannels(newAccount(), channelsNewestFirst(10)).items()).isEmpty();
        }

        @Test
        @Checks(PostStoreRules.LIST_CHANNEL_PAGES)
        void channelPagesFollowEachOtherByKeysetAndTheNameFilters() {
            AccountId account = newAccount();
            List<ChannelId> newestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newestFirst.addFirst(insertChannelAt(account, "c" + i, T0.plusSeconds(i)).id());
            }

            Page<ChannelRecord> first = store.listChannels(account, channelsNewestFirst(2));
            ChannelRecord last = first.items().getLast();
            Page<ChannelRecord> second = store.listChannels(account, channelsNewestFirst(2)
                    .at(KeysetCursor.after(List.of(last.createdAt()), last.id().value())));
            ChannelRecord firstOfSecond = second.items().getFirst();
            Page<ChannelRecord> back = store.listChannels(account, channelsNewestFirst(2)
                    .at(KeysetCursor.before(List.of(firstOfSecond.createdAt()), firstOfSecond.id().value())));

            assertThat(channelIds(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
            assertThat(first.hasMore()).isTrue();
            assertThat(channelIds(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
            assertThat(channelIds(back)).containsExactlyElementsOf(newestFirst.subList(0, 2));
            assertThat(channelIds(store.listChannels(account,
                    channelsNewestFirst(10).and(new Filter("name", QueryOperator.EQ, List.of("c3"))))))
                    .containsExactly(newestFirst.get(1));
        }

        @Test
        @Checks({PostStoreRules.MEMBER_PAGES, PostStoreRules.FIND_MEMBER})
        void membersArePagedEarliestJoinedFirst() {
            AccountId owner = newAccount();
            ChannelRecord channel = insertChannelAt(owner, "general", T0);
            List<AccountId> joined = new ArrayList<>(List.of(owner));
            for (int i = 1; i <= 4; i++) {
                AccountId member = newAccount();
                store.addMember(new MemberRecord(channel.id(), member, T0.plusSeconds(i)));
                joined.add(member);
            }
            ListQuery firstTwo = ListQuery.firstPage(PostService.MEMBER_QUERY.defaultSort(), 2);

            Page<MemberRecord> first = store.listMembers(channel.id(), firstTwo);
            MemberRecord last = first.items().getLast();
            Page<MemberRecord> second = store.listMembers(channel.id(),
                    firstTwo.at(KeysetCursor.after(List.of(last.joinedAt()), last.accountId().value())));

            assertThat(first.items()).extracting(MemberRecord::accountId).containsExactlyElementsOf(joined.subList(0, 2));
            assertThat(first.hasMore()).isTrue();
            assertThat(second.items()).extracting(MemberRecord::accountId).containsExactlyElementsOf(joined.subList(2, 4));
            assertThat(second.hasMore()).isTrue();
            assertThat(store.findMember(channel.id(), joined.get(2)))
                    .contains(new MemberRecord(channel.id(), joined.get(2), T0.plusSeconds(2)));
            assertThat(store.findMember(channel.id(), newAccount())).isEmpty();
        }
    }

    @Nested
    class ChannelChanges {

        @Test
        @Checks(PostStoreRules.UPDATE_CHANNEL)
        void aRenameAtTheCurrentVersionRaisesItAndKeepsTheRest() {
            ChannelRecord channel = insertChannel(newAccount());

            ChannelRecord renamed = store.updateChannel(new ChannelUpdateRecord(channel.id(), 0, "renamed"));

            assertThat(renamed).isEqualTo(new ChannelRecord(channel.id(), "renamed", channel.ownerId(),
                    channel.createdAt(), 1));
            assertThat(store.findChannel(channel.id())).contains(renamed);
        }

        @Test
        @Checks({PostStoreRules.UPDATE_CHANNEL_STALE, PostStoreRules.UPDATE_CHANNEL_MISSING})
        void aStaleOrMissingRenameIsRefusedAndChangesNothing() {
            ChannelRecord channel = insertChannel(newAccount());

            assertThatThrownBy(() -> store.updateChannel(new ChannelUpdateRecord(channel.id(), 1, "x")))
                    .isInstanceOfSatisfying(PreconditionFailedException.class,
                            error -> assertThat(error.code()).isEqualTo("version_mismatch"));
            assertThatThrownBy(() -> store.updateChannel(
                    new ChannelUpdateRecord(ChannelId.generate(Clock.systemUTC()), 0, "x")))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            error -> assertThat(error.code()).isEqualTo("channel_not_found"));
            assertThat(store.findChannel(channel.id())).contains(channel);
        }

        @Test
        @Checks(PostStoreRules.UPDATE_CHANNEL_STALE)
        void concurrentRenamesAtOneVersionLetExactlyOneWin() throws InterruptedException {
            ChannelRecord channel = insertChannel(newAccount());

            List<Race.Outcome> outcomes = Race.of(8,
                    () -> store.updateChannel(new ChannelUpdateRecord(channel.id(), 0, "renamed")));

            assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                    .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(PreconditionFailedException.class));
            assertThat(store.findChannel(channel.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        @Checks(PostStoreRules.DELETE_CHANNEL)
        void aDeletedChannelTakesItsPostsMembersAndKeyWithIt() {
            AccountId owner = newAccount();
            AccountId member = newAccount();
            IdempotentRequest request = new IdempotentRequest(new IdempotencyKey(UUID.randomUUID().toString()),
                    RequestFingerprint.of("create_channel", "general"));
            ChannelRecord channel = store.insertChannel(new NewChannelRecord(ChannelId.generate(Clock.systemUTC()),
                    "general", owner, T0, Optional.of(request))).value();
            store.addMember(new MemberRecord(channel.id(), member, T0));
            PostRecord inside = insertPost(member, Optional.of(channel.id()), "inside", T0);
            PostRecord outside = insertPublic(member, "outside", T0);

            assertThat(store.deleteChannel(channel.id())).isTrue();

            assertThat(store.findChannel(channel.id())).isEmpty();
            assertThat(store.findPost(inside.id())).isEmpty();
            assertThat(store.findPost(outside.id())).contains(outside);
            assertThat(store.isMember(channel.id(), member)).isFalse();
            assertThat(members(channel.id())).isEmpty();
            assertThat(store.listChannels(member, channelsNewestFirst(10)).items()).isEmpty();
            assertThat(store.deleteChannel(channel.id())).isFalse();
            Created<ChannelRecord> again = store.insertChannel(new NewChannelRecord(
                    ChannelId.generate(Clock.systemUTC()), "general", owner, T0, Optional.of(request)));
            assertThat(again.replayed()).isFalse();
        }
    }

    @Nested
    class AccountContent {

        @Test
        @Checks(PostStoreRules.ACCOUNT_CONTENT)
        void aClosingAccountsChannelsPostsAndMembershipsGoAndOthersStay() {
            AccountId leaving = newAccount();
            AccountId staying = newAccount();
            ChannelRecord owned = insertChannel(leaving);
            store.addMember(new MemberRecord(owned.id(), staying, T0));
            ChannelRecord othersChannel = insertChannel(staying);
            store.addMember(new MemberRecord(othersChannel.id(), leaving, T0));
            PostRecord staysPostInOwned = insertPost(staying, Optional.of(owned.id()), "in owned", T0);
            PostRecord leavingPublic = insertPublic(leaving, "public", T0);
            PostRecord leavingInOthers = insertPost(leaving, Optional.of(othersChannel.id()), "in others", T0);
            PostRecord staysPublic = insertPublic(staying, "stays", T0);
            PostRecord staysInOthers = insertPost(staying, Optional.of(othersChannel.id()), "stays too", T0);

            store.deleteAccountContent(leaving);

            assertThat(store.findChannel(owned.id())).isEmpty();
            assertThat(store.findPost(staysPostInOwned.id())).isEmpty();
            assertThat(store.findPost(leavingPublic.id())).isEmpty();
            assertThat(store.findPost(leavingInOthers.id())).isEmpty();
            assertThat(store.isMember(othersChannel.id(), leaving)).isFalse();
            assertThat(store.findChannel(othersChannel.id())).contains(othersChannel);
            assertThat(store.findPost(staysPublic.id())).contains(staysPublic);
            assertThat(store.findPost(staysInOthers.id())).contains(staysInOthers);
            assertThat(members(othersChannel.id())).extracting(MemberRecord::accountId).containsExactly(staying);
            assertThat(store.listChannels(leaving, channelsNewestFirst(10)).items()).isEmpty();
        }

        @Test
        @Checks(PostStoreRules.ACCOUNT_CONTENT_REPEAT)
        void deletingTheContentOfAnAccountWithNoneOrTwiceIsHarmless() {
            AccountId account = newAccount();
            PostRecord other = insertPublic(newAccount(), "other", T0);

            store.deleteAccountContent(account);
            store.deleteAccountContent(account);

            assertThat(store.findPost(other.id())).contains(other);
        }
    }
}
