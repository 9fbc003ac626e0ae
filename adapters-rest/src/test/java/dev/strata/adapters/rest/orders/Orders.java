package dev.strata.adapters.rest.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;

/** Creates orders over HTTP, for tests that need some. */
final class Orders {

    static final String BODY = """
            {"currency":"EUR","items":[{"sku":"A-1","quantity":3,"unit_price":"0.10"},
             {"sku":"B-2","quantity":1,"unit_price":"19.99"}],"comment":"first"}""";

    private Orders() {
    }

    static String body(String currency, String sku, int quantity, String unitPrice) {
        return "{\"currency\":\"" + currency + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + ",\"unit_price\":\"" + unitPrice + "\"}]}";
    }

    static HttpResult create(HttpDriver http, String token, String body) {
        HttpResult created = http.post("/v1/orders").bearer(token).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }
}
