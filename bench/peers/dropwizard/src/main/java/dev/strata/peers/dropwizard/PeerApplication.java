package dev.strata.peers.dropwizard;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;

/**
 * The Dropwizard peer of Strata's benchmarks: {@code GET /v1/sessions/me} and
 * {@code POST /v1/orders} over Strata's PostgreSQL schema, written as Dropwizard's guides show
 * (Jersey resources, JDBI 3 SqlObject DAOs through {@link JdbiFactory}, dropwizard-auth for the
 * bearer token). Run as {@code java -jar strata-peer-dropwizard.jar server peer.yml}.
 */
public class PeerApplication extends Application<PeerConfiguration> {

    public static void main(String[] args) throws Exception {
        new PeerApplication().run(args);
    }

    @Override
    public String getName() {
        return "strata-peer-dropwizard";
    }

    @Override
    public void initialize(Bootstrap<PeerConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new ResourceConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // Instants as RFC 3339 strings, as Strata writes them (the views name their members in
        // snake_case with @JsonNaming: this mapper also reads peer.yml, whose names are camelCase).
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Override
    public void run(PeerConfiguration configuration, Environment environment) {
        Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDataSourceFactory(), "postgresql");
        Tokens tokens = new Tokens(configuration.getTokenKeys());
        SessionDao sessions = jdbi.onDemand(SessionDao.class);
        environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(new TokenAuthenticator(tokens, sessions))
                .setPrefix("Bearer")
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        environment.jersey().register(new SessionResource());
        environment.jersey().register(new OrderResource(jdbi.onDemand(OrderDao.class)));
    }
}
