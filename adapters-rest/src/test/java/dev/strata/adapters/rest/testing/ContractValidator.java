package dev.strata.adapters.rest.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every exchange of an HTTP test against the OpenAPI document the server under test serves,
 * with Atlassian's openapi-request-validator, and fails the test when they disagree:
 * <ul>
 *   <li>a response (status, headers, body) that the document does not describe, including a
 *       field it lacks and a header it does not list for that status;</li>
 *   <li>a request the document calls invalid that the server nevertheless accepted (anything but
 *       a 4xx);</li>
 *   <li>a request to a route the document lacks that the server answered with anything but a 404
 *       or 405 problem: a route that exists without being documented.</li>
 * </ul>
 */
final class ContractValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The docs page, a web page for people: not part of the API, so not in its document. */
    private static final String DOCS_PAGE = "/docs";

    /** Headers of HTTP itself (framing and compression), which the document need not list. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("content-type", "content-length", "date",
            "connection", "transfer-encoding", "keep-alive", "content-encoding", ":status");

    private static final Set<String> OUTSIDE_THE_DOCUMENT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    /** The operation the validator matched the response being checked to, on this thread. */
    private final ThreadLocal<ApiOperation> matchedOperation = new ThreadLocal<>();
    private final JsonNode document;
    private final OpenApiInteractionValidator validator;

    ContractValidator(String documentJson) {
        try {
            this.document = JSON.readTree(documentJson);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the served OpenAPI document is not JSON", e);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(documentJson)
                .withCustomResponseValidation((response, operation) -> {
                    matchedOperation.set(operation);
                    return ValidationReport.empty();
                })
                .build();
    }

    private static final Set<Integer> TRANSPORT_ONLY_STATUSES = Set.of(414, 417, 431);

    void check(String method, URI uri, Map<String, String> requestHeaders, byte[] requestBody, int status,
            HttpHeaders responseHeaders, String responseBody) {
        if (uri.getRawPath().equals(DOCS_PAGE) || uri.getRawPath().startsWith(DOCS_PAGE + "/")) {
            return;
        }
        // OPTIONS (CORS preflights, Allow) is answered by the server for every route: HTTP's, not an operation.
        if (method.equals("OPTIONS")) {
            return;
        }
        // Every answer carries a request id, the HTTP server's own refusals included, so a 4xx
        // without one is wrong.
        if (responseHeaders.firstValue("Request-Id").isEmpty() && status >= 400 && status < 500) {
            throw new AssertionError(method + " " + uri.getRawPath() + " → " + status
                    + ": a client error without a Request-Id header");
        }
        // 414, 417 and 431 come only from the HTTP server itself, which refuses such a request (line or
        // head too long, an unmeetable expectation) before routing: they belong to no operation.
        if (TRANSPORT_ONLY_STATUSES.contains(status)) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        requestHeaders.forEach(request::withHeader);
        if (uri.getRawQuery() != null) {
            // A repeated parameter (created_at=gte:...&created_at=lt:...) is one parameter with many values.
            Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                query.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), name -> new ArrayList<>())
                        .add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
            query.forEach(request::withQueryParam);
        }
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        responseHeaders.map().forEach(response::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        Request builtRequest = request.build();
        ValidationReport requestReport = validator.validateRequest(builtRequest);
        String exchange = method + " " + uri.getRawPath() + " → " + status;

        if (requestReport.getMessages().stream().anyMatch(message -> OUTSIDE_THE_DOCUMENT.contains(message.getKey()))) {
            boolean problem = responseHeaders.firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (!((status == 404 || status == 405) && problem)) {
                throw new AssertionError(exchange + ": the document has no such operation, yet the server did not"
                        + " answer 404 or 405 problem details; document the route. " + describe(requestReport));
            }
            return;
        }
        matchedOperation.remove();
        ValidationReport responseReport = validator.validateResponse(uri.getRawPath(), builtRequest.getMethod(),
                response.build());
        if (matchedOperation.get() != null) {
            responseReport = responseReport.merge(onlyDocumentedHeaders(status, responseHeaders,
                    matchedOperation.get()));
        }
        if (responseReport.hasErrors()) {
            throw new AssertionError(exchange + ": the response disagrees with the OpenAPI document. "
                    + describe(responseReport) + "\nbody: " + responseBody);
        }
        if (requestReport.hasErrors() && (status < 400 || status >= 500)) {
            throw new AssertionError(exchange + ": the OpenAPI document says the request is invalid, but the server"
                    + " accepted it; the document or the server is wrong. " + describe(requestReport));
        }
    }

    private ValidationReport onlyDocumentedHeaders(int status, HttpHeaders headers, ApiOperation operation) {
        JsonNode documented = documentedResponse(operation, status);
        if (documented == null) {
            return ValidationReport.empty();
        }
        Set<String> allowed = new java.util.HashSet<>();
        documented.path("headers").fieldNames().forEachRemaining(name -> allowed.add(name.toLowerCase(Locale.ROOT)));
        List<ValidationReport.Message> messages = new ArrayList<>();
        for (String header : headers.map().keySet()) {
            String name = header.toLowerCase(Locale.ROOT);
            if (!TRANSPORT_HEADERS.contains(name) && !allowed.contains(name)) {
                messages.add(ValidationReport.Message.create("strata.response.header.undocumented",
                        "Header '" + header + "' is not documented for status " + status + " of "
                                + operation.getMethod() + " " + operation.getApiPath().original()).build());
            }
        }
        return ValidationReport.from(messages);
    }

    private JsonNode documentedResponse(ApiOperation operation, int status) {
        JsonNode responses = document.path("paths").path(operation.getApiPath().original())
                .path(operation.getMethod().name().toLowerCase(Locale.ROOT)).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.get("default");
        if (response != null && response.has("$ref")) {
            String name = response.get("$ref").asText().substring("#/components/responses/".length());
            response = document.path("components").path("responses").get(name);
        }
        return response;
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .map(message -> "[" + message.getKey() + "] " + message.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
