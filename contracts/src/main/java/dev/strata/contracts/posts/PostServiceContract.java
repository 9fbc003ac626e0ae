package dev.strata.contracts.posts;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.contracts.MutableClock;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.ForbiddenException;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Member;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The posts service's behaviour, run over a real post store and a real identity service. Extend it
 * with {@link #newStore()} and {@link #newIdentityStore()}; the suite proves the service and the
 * stores together keep every rule, authorization first.
 */
@ExtendWith(RuleReporter.class)
public abstract class PostServiceContract {

    private static final String PASSWORD = "correct horse battery staple";

    protected PostStore store;
    protected MutableClock clock;
    protected IdentityService identity;
    protected PostService posts;

    private AuthenticatedSession author;
    private AuthenticatedSession member;
    private AuthenticatedSession outsider;
    private Channel channel;

    /** A new post store; it may share its backing database with other tests. */
    protected abstract PostStore newStore();

    /** The identity store the accounts are kept in; it may share its database with other tests. */
    protected abstract IdentityStore newIdentityStore();

    @BeforeEach
    void createService() {
        store = newStore();
        clock = MutableClock.startingNow();
        identity = new IdentityService(newIdentityStore(), clock, FAST_HASHER, IdentityFixtures.newSigner());
        posts = new PostService(store, identity, clock);
        author = signUpAndIn();
        member = signUpAndIn();
        outsider = signUpAndIn();
        channel = posts.createChannel(author, "  team  ").value();
        posts.addMember(author, channel.id(), member.accountId());
    }

    private AuthenticatedSession signUpAndIn() {
        String email = uniqueEmail();
        identity.createAccount(new NewAccount(email, PASSWORD, "Ada"));
        return identity.verifySession(identity.signIn(new Credentials(email, PASSWORD)).token());
    }

    private Post publicPost(AuthenticatedSession caller, String body) {
        return posts.createPost(caller, body).value();
    }

    private Post channelPost(String body) {
        return posts.createChannelPost(author, channel.id(), body).value();
    }

    private static void assertNotFound(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class,
                error -> assertThat(error.code()).isEqualTo(code));
    }

    private static void assertInvalid(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, error -> {
            assertThat(error.errors().getFirst().field()).isEqualTo(field);
            assertThat(error.errors().getFirst().code()).isEqualTo(code);
        });
    }

    private static List<PostId> ids(Page<Post> page) {
        return page.items().stream().map(Post::id).toList();
    }

    /** {@code count} public posts by the author, a millisecond apart, newest first. */
    private List<Post> publicPostsNewestFirst(int count) {
        List<Post> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.addFirst(publicPost(author, "post " + i));
            clock.advance(Duration.ofMillis(1));
        }
        return made;
    }

    private static List<PostId> idsOf(List<Post> made) {
        return made.stream().map(Post::id).toList();
    }

    @Nested
    class Creating {

        @Test
        void aPublicPostIsKeptExactlyAsSentSurroundingWhitespaceIncluded() {
            String body = "\u2029\u3000 \n" + PostFixtures.UNICODE_BODY + "  \t\u3000";
            Post post = publicPost(author, body);

            assertThat(post.body()).isEqualTo(body);
            assertThat(post.id().value()).startsWith("post_");
            assertThat(post.authorId()).isEqualTo(author.accountId());
            assertThat(post.channelId()).isEmpty();
            assertThat(post.version()).isZero();
            assertThat(post.createdAt()).isEqualTo(clock.instant()).isEqualTo(post.updatedAt());
            assertThat(posts.getPost(outsider, post.id())).isEqualTo(post);
        }

        @Test
        void aBodyIsOneTo5000CharactersWithoutControlCharacters() {
            assertThat(publicPost(author, "\ud83d\ude00".repeat(5000)).body()).hasSize(10000);
            assertInvalid(() -> publicPost(author, "x".repeat(5001)), "body", "too_long");
            assertInvalid(() -> publicPost(author, " \n\t "), "body", "required");
            assertInvalid(() -> publicPost(author, null), "body", "required");
            assertInvalid(() -> publicPost(author, "nul\u0000byte"), "body", "control_characters");
        }

        @Test
        void aRetryWithTheSameKeyReturnsTheFirstPost() {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

            Created<Post> first = posts.createPost(author, "hello", key);
            Created<Post> retry = posts.createPost(author, "hello", key);

            assertThat(first.replayed()).isFalse();
            assertThat(retry).isEqualTo(Created.replayed(first.value()));
        }

        @Test
        void theSameKeyWithAnotherBodyOrChannelIsRefused() {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
            posts.createPost(author, "hello", key);

            assertThatThrownBy(() -> posts.createPost(author, "goodbye", key))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThatThrownBy(() -> posts.createChannelPost(author, channel.id(), "hello", key))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(posts.listAccountPosts(author, author.accountId(), PostQuery.newest()).items()).hasSize(1);
        }

        @Test
        void theSameKeyWithAnotherBodyLeavesTheFirstPostAsItWas() {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
            Post first = posts.createPost(author, "hello", key).value();

            assertThatThrownBy(() -> posts.createPost(author, "goodbye", key))
                    .as("a key reused with another body is refused").isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(posts.getPost(author, first.id())).as("the first post is unchanged").isEqualTo(first);
            assertThat(ids(posts.listAccountPosts(author, author.accountId(), PostQuery.newest())))
                    .as("no second post was made").containsExactly(first.id());
        }

        @Test
        void theKeyOfADeletedPostMakesANewPost() {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
            Post first = posts.createPost(author, "hello", key).value();
            posts.deletePost(author, first.id());

            Created<Post> again = posts.createPost(author, "hello again", key);

            assertThat(again.replayed()).isFalse();
            assertThat(again.value().body()).isEqualTo("hello again");
            assertThat(again.value().id()).isNotEqualTo(first.id());
        }

        @Test
        void concurrentDuplicatesCreateExactlyOnePost() throws InterruptedException {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

            List<Race.Outcome> outcomes = Race.of(16, () -> posts.createPost(author, "once", key));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
            assertThat(outcomes).filteredOn(outcome -> !((Created<?>) outcome.result()).replayed()).hasSize(1);
            assertThat(posts.listAccountPosts(author, author.accountId(), PostQuery.newest()).items()).hasSize(1);
        }

        @Test
        void onlyMembersPostInAChannel() {
            Post post = posts.createChannelPost(member, channel.id(), "for the team").value();

            assertThat(post.channelId()).contains(channel.id());
            assertNotFound(() -> posts.createChannelPost(outsider, channel.id(), "let me in"),
                    "channel_not_found");
            assertNotFound(() -> posts.createChannelPost(author, ChannelId.generate(Clock.systemUTC()), "x"), "channel_not_found");
            assertThat(posts.listAccountPosts(author, outsider.accountId(), PostQuery.newest()).items()).isEmpty();
        }
    }

    @Nested
    class Reading {

        @Test
        void aChannelPostIsHiddenFromNonMembers() {
            Post post = channelPost("secret");

            assertThat(posts.getPost(member, post.id())).isEqualTo(post);
            assertNotFound(() -> posts.getPost(outsider, post.id()), "post_not_found");
            assertNotFound(() -> posts.getPost(author, PostId.generate(Clock.systemUTC())), "post_not_found");
        }

        @Test
        void anAccountsPostsShowOnlyWhatTheCallerMayRead() {
            Post open = publicPost(author, "open");
            clock.advance(Duration.ofSeconds(1));
            Post secret = channelPost("secret");

            assertThat(ids(posts.listAccountPosts(member, author.accountId(), PostQuery.newest())))
                    .containsExactly(secret.id(), open.id());
            assertThat(ids(posts.listAccountPosts(outsider, author.accountId(), PostQuery.newest())))
                    .containsExactly(open.id());
            assertNotFound(() -> posts.listAccountPosts(author, AccountId.generate(Clock.systemUTC()),
                    PostQuery.newest()), "account_not_found");
        }

        @Test
        void aChannelsPostsAreForItsMembers() {
            Post post = channelPost("team only");

            assertThat(ids(posts.listChannelPosts(member, channel.id(), PostQuery.newest()))).containsExactly(post.id());
            assertNotFound(() -> posts.listChannelPosts(outsider, channel.id(), PostQuery.newest()), "channel_not_found");
        }

        @Test
        void searchFindsTheCallersReadablePostsIgnoringCase() {
            String word = PostFixtures.uniqueWord();
            Post open = publicPost(author, "Public " + word.toUpperCase());
            clock.advance(Duration.ofSeconds(1));
            Post secret = channelPost("team " + word);

            assertThat(ids(posts.searchPosts(member, PostQuery.newest().containing(word))))
                    .containsExactly(secret.id(), open.id());
            assertThat(ids(posts.searchPosts(outsider, PostQuery.newest().containing(word)))).containsExactly(open.id());
        }

        @Test
        void pagingByLastIdFollowsOnFromThatPost() {
            List<PostId> made = idsOf(publicPostsNewestFirst(5));

            Page<Post> first = posts.listAccountPosts(outsider, author.accountId(), PostQuery.newest().withLimit(2));
            Page<Post> second = posts.listAccountPosts(outsider, author.accountId(),
                    PostQuery.newest().withLimit(2).afterPost(first.items().getLast().id()));

            assertThat(ids(first)).containsExactlyElementsOf(made.subList(0, 2));
            assertThat(first.hasMore()).isTrue();
            assertThat(ids(second)).containsExactlyElementsOf(made.subList(2, 4));
            assertInvalid(() -> posts.listAccountPosts(outsider, author.accountId(),
                    PostQuery.newest().afterPost(channelPost("hidden").id())), "last_id", "unknown_post");
        }

        @Test
        void pagingWhileOthersPostNeverSkipsOrRepeatsAPost() throws InterruptedException {
            List<PostId> made = idsOf(publicPostsNewestFirst(9));

            List<PostId> seen = new ArrayList<>();
            Page<Post> page = posts.listAccountPosts(outsider, author.accountId(), PostQuery.newest().withLimit(2));
            seen.addAll(ids(page));
            while (page.hasMore()) {
                clock.advance(Duration.ofMillis(1));
                Race.of(3, () -> publicPost(author, "meanwhile"));
                page = posts.listAccountPosts(outsider, author.accountId(),
                        PostQuery.newest().withLimit(2).after(PostCursor.after(page.items().getLast())));
                seen.addAll(ids(page));
            }

            assertThat(seen).containsExactlyElementsOf(made);
        }

        @Test
        void aPageHoldsExactlyItsLimitAndNothingFollowsTheLastOne() {
            List<PostId> made = idsOf(publicPostsNewestFirst(3));

            Page<Post> one = posts.listAccountPosts(outsider, author.accountId(), PostQuery.newest().withLimit(1));
            Page<Post> all = posts.listAccountPosts(outsider, author.accountId(), PostQuery.newest().withLimit(3));

            assertThat(ids(one)).as("a limit of 1 is accepted and gives one post").containsExactly(made.getFirst());
            assertThat(one.hasMore()).isTrue();
            assertThat(ids(all)).containsExactlyElementsOf(made);
            assertThat(all.hasMore()).as("a page as long as what is left has nothing after it").isFalse();
        }

        @Test
        void aPreviousPageReadsTheNewerPostsNewestFirst() {
            List<Post> made = publicPostsNewestFirst(5);

            Page<Post> previous = posts.listAccountPosts(outsider, author.accountId(),
                    PostQuery.newest().withLimit(2).before(PostCursor.after(made.get(3))));

            assertThat(ids(previous)).containsExactly(made.get(1).id(), made.get(2).id());
            assertThat(previous.hasMore()).as("a newer post precedes the previous page").isTrue();
        }

        @Test
        void aTimeWindowIsFromItsStartUpToButNotIncludingItsEnd() {
            Post beforeStart = publicPost(author, "before");
            clock.advance(Duration.ofSeconds(1));
            Post atStart = publicPost(author, "start");
            clock.advance(Duration.ofSeconds(1));
            Post atEnd = publicPost(author, "end");

            Page<Post> window = posts.listAccountPosts(outsider, author.accountId(),
                    PostQuery.newest().createdFrom(atStart.createdAt()).createdBefore(atEnd.createdAt()));

            assertThat(ids(window)).as("only the post at the window's start").containsExactly(atStart.id());
            assertThat(ids(posts.listAccountPosts(outsider, author.accountId(),
                    PostQuery.newest().createdBefore(atStart.createdAt())))).containsExactly(beforeStart.id());
        }

        @Test
        void aLimitIsOneToOneHundred() {
            assertInvalid(() -> posts.searchPosts(author, PostQuery.newest().withLimit(0)), "limit", "out_of_range");
            assertInvalid(() -> posts.searchPosts(author, PostQuery.newest().withLimit(101)), "limit", "out_of_range");
            assertThat(posts.searchPosts(author, PostQuery.newest().withLimit(100)).items()).hasSizeLessThanOrEqualTo(100);
        }
    }

    @Nested
    class Changing {

        @Test
        void theAuthorEditsAtTheCurrentVersion() {
            Post post = publicPost(author, "first");
            clock.advance(Duration.ofSeconds(1));

            Post edited = posts.editPost(author, post.id(), " second ", 0);

            assertThat(edited.body()).isEqualTo(" second ");
            assertThat(edited.version()).isEqualTo(1);
            assertThat(edited.updatedAt()).isEqualTo(clock.instant()).isAfter(edited.createdAt());
            assertThatThrownBy(() -> posts.editPost(author, post.id(), "third", 0))
                    .isInstanceOf(PreconditionFailedException.class);
            assertInvalid(() -> posts.editPost(author, post.id(), "", 1), "body", "required");
        }

        @Test
        void aMemberWhoIsNotTheAuthorIsForbiddenAndAnOutsiderIsNotTold() {
            Post post = channelPost("mine");

            assertThatThrownBy(() -> posts.editPost(member, post.id(), "yours", 0))
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            error -> assertThat(error.code()).isEqualTo("not_the_author"));
            assertThatThrownBy(() -> posts.deletePost(member, post.id())).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> posts.getOwnPost(member, post.id())).isInstanceOf(ForbiddenException.class);
            assertNotFound(() -> posts.getOwnPost(outsider, post.id()), "post_not_found");
            assertThat(posts.getOwnPost(author, post.id())).isEqualTo(post);
            assertNotFound(() -> posts.editPost(outsider, post.id(), "yours", 0), "post_not_found");
            assertNotFound(() -> posts.deletePost(outsider, post.id()), "post_not_found");
            assertThat(posts.getPost(author, post.id())).isEqualTo(post);
        }

        @Test
        void anyoneMayReadAPublicPostButOnlyItsAuthorChangesIt() {
            Post post = publicPost(author, "mine");

            assertThatThrownBy(() -> posts.editPost(outsider, post.id(), "yours", 0)).isInstanceOf(ForbiddenException.class);
            assertThat(posts.getPost(outsider, post.id())).isEqualTo(post);
        }

        @Test
        void onlyTheAuthorDeletesAPostAndARefusedDeleteLeavesIt() {
            Post open = publicPost(author, "public");
            Post secret = channelPost("team");

            assertThatThrownBy(() -> posts.deletePost(outsider, open.id()))
                    .as("a reader who is not the author may not delete a public post")
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            error -> assertThat(error.code()).isEqualTo("not_the_author"));
            assertThatThrownBy(() -> posts.deletePost(member, secret.id()))
                    .as("a member who is not the author may not delete a channel post")
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            error -> assertThat(error.code()).isEqualTo("not_the_author"));
            assertThat(posts.getPost(outsider, open.id())).isEqualTo(open);
            assertThat(posts.getPost(member, secret.id())).isEqualTo(secret);
            assertThatThrownBy(() -> posts.editPost(outsider, open.id(), "defaced", 0))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(posts.getPost(author, open.id())).as("a refused edit changes nothing").isEqualTo(open);
        }

        @Test
        void aDeletedPostIsGoneForEveryone() {
            Post post = publicPost(author, "bye");

            posts.deletePost(author, post.id());

            assertNotFound(() -> posts.getPost(author, post.id()), "post_not_found");
            assertNotFound(() -> posts.deletePost(author, post.id()), "post_not_found");
        }
    }

    @Nested
    class Channels {

        @Test
        void aChannelIsMadeByItsOwnerWhoIsItsFirstMember() {
            assertThat(channel.name()).isEqualTo("team");
            assertThat(channel.ownerId()).isEqualTo(author.accountId());
            assertThat(channel.id().value()).startsWith("chan_");
            assertThat(members(member, channel.id()))
                    .extracting(Member::accountId, Member::owner)
                    .containsExactly(tuple(author.accountId(), true),
                            tuple(member.accountId(), false));
            assertInvalid(() -> posts.createChannel(author, " "), "name", "required");
            assertInvalid(() -> posts.createChannel(author, "x".repeat(101)), "name", "too_long");
        }

        @Test
        void creatingAChannelIsIdempotent() {
            IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

            Created<Channel> first = posts.createChannel(author, "ops", key);

            assertThat(posts.createChannel(author, "ops", key)).isEqualTo(Created.replayed(first.value()));
            assertThatThrownBy(() -> posts.createChannel(author, "dev", key))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }

        @Test
        void aChannelIsSeenOnlyByItsMembers() {
            assertThat(posts.getChannel(member, channel.id())).isEqualTo(channel);
            assertNotFound(() -> posts.getChannel(outsider, channel.id()), "channel_not_found");
            assertNotFound(() -> members(outsider, channel.id()), "channel_not_found");
        }

        @Test
        void addingANewMemberSaysSoAndLetsItReadTheChannel() {
            Post post = channelPost("welcome");

            assertThat(posts.addMember(author, channel.id(), outsider.accountId()))
                    .as("adding an account that was not a member says it was added").isTrue();
            assertThat(posts.getPost(outsider, post.id())).isEqualTo(post);
            assertThat(posts.getChannel(outsider, channel.id())).isEqualTo(channel);
            assertThat(members(outsider, channel.id())).extracting(Member::accountId)
                    .containsExactly(author.accountId(), member.accountId(), outsider.accountId());
        }

        @Test
        void onlyTheOwnerAddsAndRemovesMembers() {
            assertThat(posts.addMember(author, channel.id(), member.accountId())).isFalse();
            assertThatThrownBy(() -> posts.addMember(member, channel.id(), outsider.accountId()))
                    .isInstanceOfSatisfying(ForbiddenException.class,
                            error -> assertThat(error.code()).isEqualTo("not_the_owner"));
            assertNotFound(() -> posts.addMember(outsider, channel.id(), outsider.accountId()), "channel_not_found");
            assertThatThrownBy(() -> posts.removeMember(member, channel.id(), member.accountId()))
                    .isInstanceOf(ForbiddenException.class);
            assertNotFound(() -> posts.addMember(author, channel.id(), AccountId.generate(Clock.systemUTC())),
                    "account_not_found");
            assertThat(members(author, channel.id())).hasSize(2);
        }

        @Test
        void aRemovedMemberLosesTheChannelAndTheOwnerCannotBeRemoved() {
            Post post = channelPost("before you left");

            posts.removeMember(author, channel.id(), member.accountId());

            assertNotFound(() -> posts.getPost(member, post.id()), "post_not_found");
            assertNotFound(() -> posts.getChannel(member, channel.id()), "channel_not_found");
            assertNotFound(() -> posts.removeMember(author, channel.id(), member.accountId()), "member_not_found");
            assertThatThrownBy(() -> posts.removeMember(author, channel.id(), author.accountId()))
                    .isInstanceOfSatisfying(ConflictException.class,
                            error -> assertThat(error.code()).isEqualTo("owner_stays_member"));
        }

        @Test
        void aRefusedCallChangesNothing() {
            Post post = channelPost("unchanged");
            List<Member> membersBefore = members(author, channel.id());

            for (ThrowingCallable refused : List.<ThrowingCallable>of(
                    () -> posts.editPost(member, post.id(), "changed", 0),
                    () -> posts.deletePost(outsider, post.id()),
                    () -> posts.addMember(member, channel.id(), outsider.accountId()),
                    () -> posts.removeMember(outsider, channel.id(), member.accountId()),
                    () -> posts.createChannelPost(outsider, channel.id(), "intruder"))) {
                assertThatThrownBy(refused).isInstanceOf(StrataException.class);
            }

            assertThat(posts.getPost(author, post.id())).isEqualTo(post);
            assertThat(members(author, channel.id())).isEqualTo(membersBefore);
            assertThat(ids(posts.listChannelPosts(author, channel.id(), PostQuery.newest()))).containsExactly(post.id());
        }
    }

    private List<Member> members(AuthenticatedSession caller, ChannelId channelId) {
        return posts.listMembers(caller, channelId, ListQuery.firstPage(PostService.MEMBER_QUERY.defaultSort(), 100))
                .items();
    }

    private List<ChannelId> channelsOf(AuthenticatedSession caller) {
        return posts.listChannels(caller, ListQuery.firstPage(PostService.CHANNEL_QUERY.defaultSort(), 100)).items()
                .stream().map(Channel::id).toList();
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ForbiddenException.class,
                error -> assertThat(error.code()).isEqualTo("not_the_owner"));
    }

    @Nested
    class ChannelLife {

        @Test
        void aCallersChannelsAreThoseItOwnsOrBelongsTo() {
            clock.advance(Duration.ofSeconds(1));
            Channel own = posts.createChannel(member, "mine").value();

            assertThat(channelsOf(member)).containsExactly(own.id(), channel.id());
            assertThat(channelsOf(author)).containsExactly(channel.id());
            assertThat(channelsOf(outsider)).isEmpty();
            assertThat(posts.listChannels(member, ListQuery.firstPage(PostService.CHANNEL_QUERY.defaultSort(), 1)))
                    .satisfies(page -> assertThat(page.hasMore()).isTrue());
        }

        @Test
        void membersArePagedAndOneMemberIsReadable() {
            posts.addMember(author, channel.id(), outsider.accountId());

            Page<Member> first = posts.listMembers(member, channel.id(),
                    ListQuery.firstPage(PostService.MEMBER_QUERY.defaultSort(), 2));

            assertThat(first.items()).extracting(Member::accountId).containsExactly(author.accountId(), member.accountId());
            assertThat(first.hasMore()).isTrue();
            assertThat(posts.getMember(member, channel.id(), author.accountId()).owner()).isTrue();
            assertThat(posts.getMember(member, channel.id(), outsider.accountId()).owner()).isFalse();
            assertNotFound(() -> posts.getMember(author, channel.id(), AccountId.generate(Clock.systemUTC())),
                    "member_not_found");
            posts.removeMember(author, channel.id(), outsider.accountId());
            assertNotFound(() -> posts.getMember(outsider, channel.id(), author.accountId()), "channel_not_found");
        }

        @Test
        void onlyTheOwnerRenamesAgainstTheCurrentVersion() {
            Channel renamed = posts.renameChannel(author, channel.id(), "  ops  ", 0);

            assertThat(renamed.name()).isEqualTo("ops");
            assertThat(renamed.version()).isEqualTo(1);
            assertThat(posts.getChannel(member, channel.id())).isEqualTo(renamed);
            assertThat(posts.getOwnChannel(author, channel.id())).isEqualTo(renamed);
            assertThatThrownBy(() -> posts.renameChannel(author, channel.id(), "stale", 0))
                    .isInstanceOfSatisfying(PreconditionFailedException.class,
                            error -> assertThat(error.code()).isEqualTo("version_mismatch"));
            assertForbidden(() -> posts.renameChannel(member, channel.id(), "mine now", 1));
            assertForbidden(() -> posts.getOwnChannel(member, channel.id()));
            assertNotFound(() -> posts.renameChannel(outsider, channel.id(), "x", 1), "channel_not_found");
            assertNotFound(() -> posts.getOwnChannel(outsider, channel.id()), "channel_not_found");
            assertInvalid(() -> posts.renameChannel(author, channel.id(), " ", 1), "name", "required");
            assertInvalid(() -> posts.renameChannel(author, channel.id(), "x".repeat(101), 1), "name", "too_long");
            assertThat(posts.getChannel(author, channel.id())).isEqualTo(renamed);
        }

        @Test
        void deletingAChannelTakesItsPostsAndMembershipsAndOnlyTheOwnerMay() {
            Post post = posts.createChannelPost(member, channel.id(), "by a member").value();
            Post elsewhere = publicPost(member, "public");

            assertForbidden(() -> posts.deleteChannel(member, channel.id()));
            assertNotFound(() -> posts.deleteChannel(outsider, channel.id()), "channel_not_found");
            posts.deleteChannel(author, channel.id());

            assertNotFound(() -> posts.getChannel(author, channel.id()), "channel_not_found");
            assertNotFound(() -> posts.getPost(member, post.id()), "post_not_found");
            assertThat(posts.getPost(member, elsewhere.id())).isEqualTo(elsewhere);
            assertThat(channelsOf(member)).isEmpty();
            assertNotFound(() -> posts.deleteChannel(author, channel.id()), "channel_not_found");
        }

        @Test
        void aMemberLeavesAndTheOwnerCannot() {
            Post post = channelPost("before you left");

            posts.leaveChannel(member, channel.id());

            assertNotFound(() -> posts.getPost(member, post.id()), "post_not_found");
            assertThat(channelsOf(member)).isEmpty();
            assertThat(members(author, channel.id())).extracting(Member::accountId).containsExactly(author.accountId());
            assertNotFound(() -> posts.leaveChannel(member, channel.id()), "channel_not_found");
            assertNotFound(() -> posts.leaveChannel(outsider, channel.id()), "channel_not_found");
            assertThatThrownBy(() -> posts.leaveChannel(author, channel.id()))
                    .isInstanceOfSatisfying(ConflictException.class,
                            error -> assertThat(error.code()).isEqualTo("owner_cannot_leave"));
            assertThat(posts.getChannel(author, channel.id())).isEqualTo(channel);
        }

        @Test
        void anAccountsContentGoesAndOthersStays() {
            Channel membersOwn = posts.createChannel(member, "members").value();
            posts.addMember(member, membersOwn.id(), author.accountId());
            Post authorsInMembers = posts.createChannelPost(author, membersOwn.id(), "stays").value();
            Post membersPublic = publicPost(member, "goes");
            Post membersInAuthors = posts.createChannelPost(member, channel.id(), "goes too").value();
            Post authorsInAuthors = channelPost("stays too");

            posts.deleteAccountContent(member.accountId());

            assertNotFound(() -> posts.getChannel(author, membersOwn.id()), "channel_not_found");
            assertNotFound(() -> posts.getPost(author, authorsInMembers.id()), "post_not_found");
            assertNotFound(() -> posts.getPost(author, membersPublic.id()), "post_not_found");
            assertNotFound(() -> posts.getPost(author, membersInAuthors.id()), "post_not_found");
            assertThat(posts.getPost(author, authorsInAuthors.id())).isEqualTo(authorsInAuthors);
            assertThat(members(author, channel.id())).extracting(Member::accountId).containsExactly(author.accountId());
        }
    }
}
