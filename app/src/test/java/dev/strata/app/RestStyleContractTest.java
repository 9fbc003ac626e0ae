package dev.strata.app;

/** {@link ApiStyleContract}'s cases through the REST style ({@link RestStyleDriver}). */
class RestStyleContractTest extends ApiStyleContract {

    @Override
    StyleDriver driver(RunningApp app) {
        return new RestStyleDriver(app.server.uri());
    }
}
