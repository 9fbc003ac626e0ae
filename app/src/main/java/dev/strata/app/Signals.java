package dev.strata.app;

/**
 * Turns SIGTERM and SIGINT into a call instead of the JVM's default reaction. By default the JVM
 * answers SIGTERM by running its shutdown hooks and exiting with status 143 (128 + 15), which an
 * orchestrator reads as a crash; handling the signal lets {@link Main} drain, close and exit 0.
 * {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this use) is the only way the
 * JDK offers to do so; javac's warning about it cannot be suppressed.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> action.run());
        }
    }
}
