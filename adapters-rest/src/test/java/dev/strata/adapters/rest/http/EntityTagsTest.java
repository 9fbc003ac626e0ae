package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.Test;

/** An entity tag as the {@code ETag} header value responses carry: the same text Jersey writes. */
class EntityTagsTest {

    @Test
    void aStrongTagIsQuotedAndAWeakOneAlsoPrefixed() {
        assertThat(EntityTags.header(new EntityTag("sess_01.3"))).isEqualTo("\"sess_01.3\"");
        assertThat(EntityTags.header(new EntityTag("sess_01.3", true))).isEqualTo("W/\"sess_01.3\"");
    }

    @Test
    void theHeaderIsWhatJerseyWouldWriteForTheTagsStrataMakes() {
        var jersey = RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class);
        for (EntityTag tag : new EntityTag[] {EntityTags.ofBytes(new byte[] {1, 2, 3}),
                EntityTags.of("acct_01m8wy107jjn55rzass08f69w0", 7), new EntityTag("v", true)}) {
            assertThat(EntityTags.header(tag)).as(tag.toString()).isEqualTo(jersey.toString(tag));
        }
    }

    @Test
    void aTagWithAQuoteOrBackslashIsLeftToJerseysFormatting() {
        var jersey = RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class);
        EntityTag quoted = new EntityTag("a\"b\\c");

        assertThat(EntityTags.header(quoted)).isEqualTo(jersey.toString(quoted));
    }
}
