package dev.strata.app;

/** {@link ApiStyleContract}'s cases through the GraphQL style ({@link GraphqlStyleDriver}). */
class GraphqlStyleContractTest extends ApiStyleContract {

    @Override
    StyleDriver driver(RunningApp app) {
        return new GraphqlStyleDriver(app.server.uri());
    }
}
