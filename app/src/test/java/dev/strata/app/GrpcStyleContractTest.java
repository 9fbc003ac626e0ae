package dev.strata.app;

/** {@link ApiStyleContract}'s cases through the gRPC style ({@link GrpcStyleDriver}). */
class GrpcStyleContractTest extends ApiStyleContract {

    @Override
    StyleDriver driver(RunningApp app) {
        return new GrpcStyleDriver(app.server.grpcPort().orElseThrow());
    }
}
