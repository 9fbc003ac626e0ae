package dev.strata.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what Grizzly and Jersey log through {@code java.util.logging} to SLF4J, so that every line
 * the app writes has one format (text or JSON) and one configuration. Logback's
 * {@code LevelChangePropagator} (in logback.xml) keeps the JUL levels in step, so that disabled
 * JUL records cost nothing.
 */
final class Logging {

    private Logging() {
    }

    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
