package dev.strata.peers.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** peer.yml: Dropwizard's server settings, the database, and Strata's token keys. */
public class PeerConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @NotEmpty
    private String tokenKeys;

    @JsonProperty("database")
    public DataSourceFactory getDataSourceFactory() {
        return database;
    }

    @JsonProperty("database")
    public void setDataSourceFactory(DataSourceFactory database) {
        this.database = database;
    }

    /** {@code STRATA_TOKEN_KEYS}: {@code id:base64secret,...}. */
    @JsonProperty
    public String getTokenKeys() {
        return tokenKeys;
    }

    @JsonProperty
    public void setTokenKeys(String tokenKeys) {
        this.tokenKeys = tokenKeys;
    }
}
