package dev.strata.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the app is launched as shipped: the README's run command
 * ({@code ./mvnw -B package -DskipTests && java @app/target/strata.jvm-options -jar app/target/strata-app.jar})
 * takes its JVM options from the file the build writes (from the template
 * {@code app/src/main/jvm/strata.jvm-options}, for the JDK that built it), and every test that
 * starts the packaged jar uses them too, so that the tests run what a new user runs. Paths in the
 * options are relative to the repository root, as the README's command is run from there;
 * {@link #jvmOptions()} resolves them.
 */
final class ShippedLaunch {

    static final String RUN_COMMAND_PREFIX = "./mvnw -B package -DskipTests && java ";
    static final String OPTIONS_FILE = "app/target/strata.jvm-options";
    static final String JAR = "app/target/strata-app.jar";

    private ShippedLaunch() {
    }

    static Path readme() {
        return Path.of(System.getProperty("strata.readme", "../README.md")).toAbsolutePath().normalize();
    }

    /** The options file the build wrote, as the README's command names it from the repository root. */
    static Path optionsFile() {
        return readme().getParent().resolve(OPTIONS_FILE);
    }

    /** The options in the build's options file, as written (paths relative to the repository root). */
    static List<String> writtenJvmOptions() {
        try {
            return argumentFile(Files.readString(optionsFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of a {@code java @file} argument file: words, with {@code #} comments to the end of a line. */
    static List<String> argumentFile(String text) {
        List<String> words = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('#');
            String content = comment < 0 ? line : line.substring(0, comment);
            for (String word : content.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    /** The README's run command: the one line that builds and starts the app. */
    static String runCommand() {
        try {
            return Files.readAllLines(readme()).stream().filter(line -> line.startsWith(RUN_COMMAND_PREFIX))
                    .findFirst().orElseThrow(() -> new AssertionError("README has no line starting with '"
                            + RUN_COMMAND_PREFIX + "'"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> jvmOptionsOf(String command) {
        List<String> words = Arrays.asList(command.substring(command.indexOf("&& java ") + "&& java ".length())
                .strip().split("\\s+"));
        int jar = words.indexOf("-jar");
        if (jar < 0 || !words.get(jar + 1).endsWith("strata-app.jar")) {
            throw new AssertionError("not a java -jar strata-app.jar command: " + command);
        }
        return List.copyOf(words.subList(0, jar));
    }

    /** The build's JVM options with the paths in them resolved against the repository root. */
    static List<String> jvmOptions() {
        Path root = readme().getParent();
        List<String> options = new ArrayList<>();
        for (String option : writtenJvmOptions()) {
            int equals = option.indexOf('=');
            if (option.startsWith("-XX:") && equals > 0 && option.substring(equals + 1).startsWith("app/")) {
                options.add(option.substring(0, equals + 1) + root.resolve(option.substring(equals + 1)));
            } else {
                options.add(option);
            }
        }
        return List.copyOf(options);
    }
}
