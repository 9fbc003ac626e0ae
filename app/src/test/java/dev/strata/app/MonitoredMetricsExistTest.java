package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.adapters.rest.testing.Accounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alerting rules ({@code deploy/prometheus/strata-rules.yml}) and the dashboard
 * ({@code deploy/grafana/strata-fleet.json}) query exists in a running app's {@code /metrics}, so
 * that renaming a metric cannot silently blank a panel or mute an alert; and every histogram
 * bucket they name ({@code le="0.5"}) is one the app publishes.
 */
class MonitoredMetricsExistTest {

    static final Path RULES = Path.of("..", "deploy", "prometheus", "strata-rules.yml");
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "strata-fleet.json");

    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");
    private static final Pattern EXPRESSION = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern RECORDED = Pattern.compile("^\\s*- record:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern BUCKET_SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{[^}]*le=\"([^\"]+)\"");

    private static RunningApp app;
    private static Set<String> published;
    private static Set<String> publishedBuckets;

    @BeforeAll
    static void startAnAppAndGiveItTraffic() {
        TestDatabases.postgres();
        app = RunningApp.start(RunningApp.settings(TestDatabases.postgresSettings().url()));
        Accounts.SignedIn ada = Accounts.signUpAndIn(app.api);
        app.api.post("/v1/orders").bearer(ada.token()).json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A-1\","
                + "\"quantity\":1,\"unit_price\":\"1.00\"}]}").send();
        app.api.get("/v1/orders").bearer(ada.token()).send();
        // GC pauses are published once a collection has happened.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        PrometheusText scrape;
        do {
            System.gc();
            scrape = PrometheusText.parse(app.admin.get("/metrics").send().body());
        } while (!scrape.has("jvm_gc_pause_seconds_count") && System.nanoTime() < deadline);
        published = new TreeSet<>();
        publishedBuckets = new TreeSet<>();
        for (String series : scrape.series().keySet()) {
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            published.add(name);
            Matcher bucket = Pattern.compile("le=\"([^\"]+)\"").matcher(series);
            if (bucket.find()) {
                publishedBuckets.add(name + "{le=\"" + bucket.group(1) + "\"}");
            }
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyMetricTheAlertingRulesQueryIsPublished() throws IOException {
        String rules = Files.readString(RULES);
        List<String> expressions = expressions(rules);
        assertThat(expressions).as("expressions in %s", RULES).hasSizeGreaterThan(10);

        assertThat(unpublished(expressions, recorded(rules))).as("metrics the rules query that the app does not publish")
                .isEmpty();
        assertThat(bucketsIn(expressions)).as("histogram buckets the rules name").isNotEmpty()
                .allSatisfy(bucket -> assertThat(publishedBuckets).contains(bucket));
    }

    @Test
    void everyMetricTheDashboardQueriesIsPublished() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        assertThat(expressions).as("panel queries in %s", DASHBOARD).hasSizeGreaterThan(20);

        assertThat(unpublished(expressions, Set.of())).as("metrics the dashboard queries that the app does not publish")
                .isEmpty();
        assertThat(bucketsIn(expressions)).allSatisfy(bucket -> assertThat(publishedBuckets).contains(bucket));
    }

    @Test
    void theParserFindsTheMetricsOfAnExpression() {
        assertThat(metricNames("sum by (instance) (rate(http_server_requests_seconds_count{job=\"strata\","
                + "status=~\"5..\"}[5m])) / on (instance) max(hikaricp_connections_max) > (14.4 * 0.001) "
                + "and strata:http_errors:ratio_rate5m > 0"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "hikaricp_connections_max",
                        "strata:http_errors:ratio_rate5m");
    }

    private static Set<String> unpublished(List<String> expressions, Set<String> recordingRules) {
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            for (String name : metricNames(expression)) {
                boolean known = name.contains(":") ? recordingRules.contains(name)
                        : PROMETHEUS_OWN.contains(name) || published.contains(name);
                if (!known) {
                    missing.add(name);
                }
            }
        }
        return missing;
    }

    /** The metric (and recording rule) names a PromQL expression selects. */
    static Set<String> metricNames(String expression) {
        String text = QUOTED.matcher(expression).replaceAll("\"\"");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            boolean calledAsFunction = text.substring(identifier.end()).stripLeading().startsWith("(");
            if (!calledAsFunction && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> bucketsIn(List<String> expressions) {
        Set<String> buckets = new TreeSet<>();
        for (String expression : expressions) {
            Matcher bucket = BUCKET_SELECTOR.matcher(expression);
            while (bucket.find()) {
                buckets.add(bucket.group(1) + "{le=\"" + bucket.group(2) + "\"}");
            }
        }
        return buckets;
    }

    private static List<String> expressions(String rules) {
        return firstGroups(EXPRESSION, rules);
    }

    private static Set<String> recorded(String rules) {
        return new TreeSet<>(firstGroups(RECORDED, rules));
    }

    private static List<String> firstGroups(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
