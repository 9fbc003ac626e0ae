package dev.strata.adapters.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema-driven contract fuzzing over HTTP: from the served OpenAPI document, for every operation,
 * requests at and just past every bound it states ({@link ProbeGenerator}), each sent to the real
 * server in a world of its own. A request the document accepts is never refused for the field it
 * probes; a request the document refuses is a 4xx problem naming that field or parameter; nothing
 * is a 5xx; and every response matches the document (the {@code HttpDriver} checks each exchange
 * with the contract validator, which also fails a request the document refuses that the server
 * accepted).
 */
class ContractFuzzTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    /** The answers that refuse the input itself, rather than the state it meets. */
    private static final Set<Integer> INPUT_REFUSALS = Set.of(400, 413, 415, 422);

    @TestFactory
    Stream<DynamicTest> everyBoundOfEveryOperationHoldsOnBothSides() {
        JsonNode document = api.http.get("/v1/openapi.json").send().json();
        SchemaValues values = new SchemaValues(document);
        ProbeGenerator generator = new ProbeGenerator(values);
        List<Probe> probes = new ArrayList<>();
        List<DocumentedOperation> operations = DocumentedOperation.everyBody(document);
        operations.forEach(operation -> probes.addAll(generator.probes(operation)));
        assertThat(operations).as("the document's operations").hasSizeGreaterThan(30);
        return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> run(values, document, probe)));
    }

    private static void run(SchemaValues values, JsonNode document, Probe probe) {
        DocumentedOperation operation = probe.operation();
        World world = World.create(api);
        Probe.Request request = probe.change().apply(validRequest(values, operation, world));
        HttpDriver.Call call = api.http.method(operation.method(), request.target(operation.path()));
        request.headers().forEach(call::header);
        if (request.rawBody().isPresent()) {
            call.body(operation.bodyType().orElseThrow(), request.rawBody().get());
        } else {
            request.body().ifPresent(body -> call.body(operation.bodyType().orElseThrow(), body.toString()));
        }

        HttpResult result = call.send();

        assertThat(result.status()).as("never a 5xx: %s", result).isLessThan(500);
        List<String> named = namedFields(result);
        if (probe.valid()) {
            boolean refusedForIt = INPUT_REFUSALS.contains(result.status())
                    && (probe.field() == null || named.isEmpty() || named.contains(probe.field()));
            assertThat(refusedForIt).as("the document accepts it, so the server must too: %s", result).isFalse();
            assertThat(result.status() < 400 || documented(document, operation, result.status()))
                    .as("an answer the document lists: %s", result).isTrue();
        } else {
            assertThat(result.status()).as("refused as the document says: %s", result).isBetween(400, 499);
            assertThat(result.contentType()).startsWith("application/problem+json");
            boolean pathParameter = operation.parametersIn("path").stream()
                    .anyMatch(parameter -> parameter.get("name").asText().equals(probe.field()));
            // A path no route takes is not found; one a route takes but whose id is malformed is a 400 naming it.
            if (pathParameter && result.status() == 404) {
                return;
            }
            if (probe.field() != null && !probe.field().isEmpty()) {
                assertThat(named).as("the problem names %s: %s", probe.field(), result).contains(probe.field());
            }
        }
    }

    private static boolean documented(JsonNode document, DocumentedOperation operation, int status) {
        return document.at("/paths/" + operation.path().replace("~", "~0").replace("/", "~1") + "/"
                + operation.method().toLowerCase(java.util.Locale.ROOT) + "/responses").has(String.valueOf(status));
    }

    private static List<String> namedFields(HttpResult result) {
        List<String> fields = new ArrayList<>();
        if (result.contentType() != null && result.contentType().startsWith("application/problem+json")) {
            result.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        }
        return fields;
    }

    /** The operation's request as the document describes it, naming what {@code world} holds. */
    static Probe.Request validRequest(SchemaValues values, DocumentedOperation operation, World world) {
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parametersIn("path")) {
            JsonNode schema = values.resolve(parameter.get("schema"));
            List<String> options = new ArrayList<>();
            schema.path("enum").forEach(option -> options.add(option.asText()));
            path.put(parameter.get("name").asText(), world.pathValue(parameter.get("name").asText(),
                    schema.path("pattern").asText(null), options));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (operation.secured()) {
            headers.put("Authorization", "Bearer " + world.owner().token());
        }
        // Whatever version there is: the fuzzer probes input, not concurrency.
        if (operation.parametersIn("header").stream().anyMatch(header -> header.get("name").asText().equals("If-Match"))) {
            headers.put("If-Match", "*");
        }
        return new Probe.Request(path, Map.of(), headers, ProbeGenerator.baseline(values, operation), Optional.empty());
    }
}
