package dev.strata.core.common;

import static dev.strata.core.common.ListQuerySchemas.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A property over many generated queries (from fixed seeds, so a failure repeats): a query written
 * in the language (one-string filter, order, page size, page token) reads back to an equal query.
 */
class ListQueryRoundTripTest {

    private static final int QUERIES = 2_000;

    @Test
    void everyQueryWrittenOutReadsBackEqual() {
        for (int seed = 0; seed < QUERIES; seed++) {
            Random random = new Random(seed);
            ListQuery query = randomQuery(random);
            String filter = THINGS.formatFilter(query.filters());
            String orderBy = random.nextBoolean() ? ListQueryParser.formatSort(query.sort()) : aip132(query.sort());

            assertThat(THINGS.listQuery(filter, orderBy, query.limit(), "")).as("seed %d: %s | %s", seed, filter, orderBy)
                    .isEqualTo(query);

            KeysetCursor position = randomCursor(random, query.sort());
            ListQuery at = query.at(position);
            assertThat(THINGS.listQuery(filter, orderBy, query.limit(), THINGS.pageToken(at, position)))
                    .as("seed %d with a page token", seed).isEqualTo(at);
        }
    }

    private static ListQuery randomQuery(Random random) {
        List<QueryField> filterable = THINGS.fields().values().stream().filter(field -> !field.operators().isEmpty())
                .sorted(java.util.Comparator.comparing(QueryField::name)).toList();
        List<Filter> filters = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            QueryField field = filterable.get(random.nextInt(filterable.size()));
            List<QueryOperator> operators = field.operators().stream().sorted().toList();
            QueryOperator operator = operators.get(random.nextInt(operators.size()));
            int count = operator == QueryOperator.IN ? 1 + random.nextInt(4) : 1;
            List<Comparable<?>> values = IntStream.range(0, count)
                    .<Comparable<?>>mapToObj(ignored -> randomValue(random, field, operator)).toList();
            filters.add(new Filter(field.name(), operator, values));
        }
        List<String> sortable = new ArrayList<>(THINGS.sortableNames());
        Collections.shuffle(sortable, random);
        List<SortKey> sort = sortable.subList(0, 1 + random.nextInt(sortable.size())).stream()
                .map(name -> new SortKey(name, random.nextBoolean())).toList();
        return new ListQuery(filters, sort, 1 + random.nextInt(ListQuery.MAX_LIMIT), 0, java.util.Optional.empty());
    }

    private static Comparable<?> randomValue(Random random, QueryField field, QueryOperator operator) {
        if (!field.allowedValues().isEmpty()) {
            List<String> values = field.allowedValues().stream().sorted().toList();
            return values.get(random.nextInt(values.size()));
        }
        return switch (field.kind()) {
            case DECIMAL -> new BigDecimal(random.nextLong(-1_000_000, 1_000_000)).movePointLeft(random.nextInt(4));
            case INSTANT -> Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000))
                    .truncatedTo(ChronoUnit.MICROS);
            case TEXT -> randomText(random, field.shape().isPresent() ? "ABCXYZ0123456789-" : "abcxyz:*_-.",
                    operator == QueryOperator.LIKE);
        };
    }

    private static String randomText(Random random, String alphabet, boolean pattern) {
        StringBuilder text = new StringBuilder(pattern ? "*" : "");
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static KeysetCursor randomCursor(Random random, List<SortKey> sort) {
        List<Comparable<?>> values = sort.stream().<Comparable<?>>map(key -> randomValue(random,
                THINGS.field(key.field()).orElseThrow(), QueryOperator.EQ)).toList();
        String id = "ord_" + randomText(random, "0123456789abcdefghjkmnpqrstvwxyz", false);
        return random.nextBoolean() ? KeysetCursor.after(values, id) : KeysetCursor.before(values, id);
    }

    /** The order in AIP-132's spelling: {@code amount desc, state}. */
    private static String aip132(List<SortKey> sort) {
        return String.join(", ", sort.stream().map(key -> key.field() + (key.descending() ? " desc" : "")).toList());
    }
}
