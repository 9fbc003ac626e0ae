package dev.strata.bench.servers;

/** Reads the port a bench server listens on from its only argument. */
final class Ports {

    private Ports() {
    }

    static int fromArguments(String[] arguments) {
        if (arguments.length != 1) {
            throw new IllegalArgumentException("usage: <server class> <port>");
        }
        return Integer.parseInt(arguments[0]);
    }
}
