package dev.strata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What doclint leaves out when the build runs it without its "missing" group (see the
 * maven-javadoc-plugin settings of the parent POM): every public type of a library module has a
 * Javadoc comment, and every package of one has a package-info.java saying what it is for. A
 * library module is every module beside this one with main sources, but the app (a composition
 * root, not published as a library) and the benchmarks.
 */
class JavadocCoverageTest {

    private static final Set<String> NOT_LIBRARIES = Set.of("app", "bench", "architecture-tests");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^[ \\t]*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void everyPublicTypeOfALibraryModuleHasAJavadocComment() {
        List<String> undocumented = new ArrayList<>();
        for (Path source : librarySources()) {
            String text = read(source);
            Matcher type = PUBLIC_TYPE.matcher(text);
            while (type.find()) {
                if (!documented(text.substring(0, type.start()))) {
                    undocumented.add(source + ": " + type.group(1));
                }
            }
        }

        assertThat(undocumented).as("public types without a Javadoc comment").isEmpty();
    }

    @Test
    void everyPackageOfALibraryModuleSaysWhatItIsFor() {
        Set<String> undocumented = new TreeSet<>();
        for (Path source : librarySources()) {
            Path packageInfo = source.resolveSibling("package-info.java");
            if (!Files.exists(packageInfo) || !read(packageInfo).contains("/**")) {
                undocumented.add(source.getParent().toString());
            }
        }

        assertThat(undocumented).as("packages without a package-info.java with a Javadoc comment").isEmpty();
    }

    @Test
    void theCheckSeesTheModulesAndTellsACommentFromNone() {
        assertThat(librarySources()).anyMatch(path -> path.toString().contains("core/src/main/java"))
                .anyMatch(path -> path.toString().contains("adapters-rest/src/main/java"));
        assertThat(documented("package a;\n\n/** Says what. */\n@Deprecated\n")).isTrue();
        assertThat(documented("package a;\n\nimport b.C;\n\n")).isFalse();
        assertThat(documented("/** The previous type. */\nclass A {\n}\n\n// a line comment\n")).isFalse();
        assertThat(documented("/** A comment that shows {@code /*} in its text. */\n")).isTrue();
        assertThat(documented("/** Of something else. */\nint a;\n/* a block comment */\n")).isFalse();
    }

    /** Whether the text before a type's declaration ends with a Javadoc comment, annotations aside. */
    static boolean documented(String before) {
        String rest = before.stripTrailing();
        while (true) {
            Matcher annotation = Pattern.compile("@[\\w.]+(\\((?:[^()]|\\([^()]*\\))*\\))?$").matcher(rest);
            if (!annotation.find()) {
                break;
            }
            rest = rest.substring(0, annotation.start()).stripTrailing();
        }
        if (!rest.endsWith("*/")) {
            return false;
        }
        int start = rest.lastIndexOf("/**");
        return start >= 0 && rest.indexOf("*/", start + 2) == rest.length() - 2;
    }

    private static List<Path> librarySources() {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            List<Path> sources = new ArrayList<>();
            for (Path module : modules.filter(module -> !NOT_LIBRARIES.contains(module.getFileName().toString())).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(file -> file.toString().endsWith(".java"))
                                .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                                .forEach(sources::add);
                    }
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
