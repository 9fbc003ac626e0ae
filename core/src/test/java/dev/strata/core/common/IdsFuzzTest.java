package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzzes typed-id parsing: any text either is a well-formed id of the kind, kept exactly as given,
 * or is refused with a {@link ValidationException} (a 400 at the edge); never another exception.
 * The input is the text as a client would put it in a path.
 */
class IdsFuzzTest {

    private record Kind(String prefix, Function<String, Record> parse) {
    }

    private static final List<Kind> KINDS = List.of(new Kind(AccountId.PREFIX, AccountId::new),
            new Kind(SessionId.PREFIX, SessionId::new), new Kind(PostId.PREFIX, PostId::new),
            new Kind(ChannelId.PREFIX, ChannelId::new), new Kind(OrderId.PREFIX, OrderId::new));

    @FuzzTest
    void anIdIsWellFormedAndKeptOrRefusedAsInvalid(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (Kind kind : KINDS) {
            Record id;
            try {
                id = kind.parse().apply(text);
            } catch (ValidationException refused) {
                assertThat(Ids.isValid(kind.prefix(), text)).isFalse();
                continue;
            }
            assertThat(Ids.isValid(kind.prefix(), text)).isTrue();
            assertThat(id.toString()).contains(text);
            assertThat(Ids.millisOf(text)).isNotNegative();
        }
    }
}
