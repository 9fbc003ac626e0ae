package dev.strata.contracts;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit extension that makes every failure of a contract test name the rule it checks: the
 * {@link Checks} of the test method, or else the test's name read as a sentence under the port the
 * suite is about (for {@code IdentityServiceContract.anEmailIsUniqueRegardlessOfCase}: "IdentityService:
 * an email is unique regardless of case"). A failed assertion becomes "Broken rule: ..." followed by
 * the assertion's own message, with the same expected and actual values and stack trace; an
 * exception the implementation threw becomes such a failure with the exception as its cause.
 *
 * <p>Every contract suite registers it; a suite of your own can too, with
 * {@code @ExtendWith(RuleReporter.class)}.
 */
public final class RuleReporter implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The prefix of every failure this extension reports. */
    public static final String BROKEN_RULE = "Broken rule: ";

    /** Creates the extension; JUnit does, for {@code @ExtendWith}. */
    public RuleReporter() {
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw describe(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw describe(context, throwable);
    }

    /** The rules the test of {@code context} checks, joined by "; ". */
    static String rulesOf(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return portOf(context.getRequiredTestClass());
        }
        Checks checks = method.get().getAnnotation(Checks.class);
        if (checks != null) {
            return String.join("; ", checks.value());
        }
        return portOf(method.get().getDeclaringClass()) + ": " + sentence(method.get().getName());
    }

    private static Throwable describe(ExtensionContext context, Throwable throwable) {
        if (throwable instanceof TestAbortedException
                || throwable.getMessage() != null && throwable.getMessage().startsWith(BROKEN_RULE)) {
            return throwable;
        }
        String rule = BROKEN_RULE + rulesOf(context);
        AssertionError described;
        if (throwable instanceof AssertionFailedError failed) {
            described = new AssertionFailedError(rule + "\n" + failed.getMessage(),
                    failed.getExpected(), failed.getActual(), failed.getCause());
        } else if (throwable instanceof AssertionError failed) {
            described = new AssertionError(rule + "\n" + failed.getMessage(), failed.getCause());
        } else {
            return new AssertionError(rule + "\nthe implementation threw " + throwable, throwable);
        }
        described.setStackTrace(throwable.getStackTrace());
        for (Throwable suppressed : throwable.getSuppressed()) {
            described.addSuppressed(suppressed);
        }
        return described;
    }

    /** "IdentityStore" for {@code IdentityStoreContract} or any class nested in it. */
    private static String portOf(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass() != null
                ? type.getEnclosingClass() : type.getSuperclass()) {
            if (type.getSimpleName().endsWith("Contract")) {
                return type.getSimpleName().substring(0, type.getSimpleName().length() - "Contract".length());
            }
        }
        return testClass.getSimpleName();
    }

    /** "an email is unique regardless of case" for {@code anEmailIsUniqueRegardlessOfCase}. */
    static String sentence(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }
}
