package dev.strata.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The application with its Strata beans, over Spring's DataSource (H2 here), through Spring MVC. */
@SpringBootTest
@AutoConfigureMockMvc
class ShopApplicationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    private static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    private String signUpAndIn(String email) throws Exception {
        mvc.perform(post("/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"Grace\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.display_name").value("Grace"));
        String session = mvc.perform(post("/sessions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(session, "$.token");
    }

    @Test
    void aShopperSignsUpSignsInOrdersAndListsTheOrders() throws Exception {
        String token = signUpAndIn(newEmail());

        mvc.perform(post("/orders").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unit_price\":\"12.50\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/orders/ord_")))
                .andExpect(jsonPath("$.amount").value(25.00))
                .andExpect(jsonPath("$.state").value("open"));
        mvc.perform(get("/orders").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].currency").value("EUR"));
    }

    @Test
    void strataKeepsItsTablesInTheSchemasTheApplicationNamedOnSpringsDataSource() throws Exception {
        String email = newEmail();
        signUpAndIn(email);

        Integer accounts = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM shop_identity.accounts WHERE email = ?", Integer.class, email);
        assertThat(accounts).isEqualTo(1);
    }

    @Test
    void aSecondSignUpWithTheSameEmailIsAProblemWithStratasCode() throws Exception {
        String email = newEmail();
        signUpAndIn(email);

        mvc.perform(post("/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"Again\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.code").value("email_already_registered"));
    }

    @Test
    void invalidInputNamesEveryBadField() throws Exception {
        mvc.perform(post("/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not an email\",\"password\":\"short\",\"display_name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("email", "password")));
    }

    @Test
    void ordersWithoutATokenAreUnauthorized() throws Exception {
        mvc.perform(get("/orders"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.code").value("missing_token"));
        mvc.perform(get("/orders").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }
}
