package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the app ships with are in one file the build writes for the JDK that runs it
 * ({@code app/target/strata.jvm-options}, from {@code app/src/main/jvm/strata.jvm-options}); the
 * README's run command and the systemd unit, which operators copy from, read that file, and a JVM
 * that cannot use the start-up cache it names still starts.
 */
class ShippedLaunchTest {

    private static final String AOT_CACHE = "-XX:AOTCache=app/target/strata-app.aot";

    @Test
    void theReadmesRunCommandTakesItsJvmOptionsFromTheBuildsFile() {
        assertThat(ShippedLaunch.runCommand()).isEqualTo(
                "./mvnw -B package -DskipTests && java @app/target/strata.jvm-options -jar app/target/strata-app.jar");
    }

    @Test
    void theBuildsOptionsSetTheHeapTheCollectorAndTheStartUpCacheOfTheJdkThatBuiltIt() {
        List<String> options = ShippedLaunch.writtenJvmOptions();
        assertThat(options).contains("-XX:+UseSerialGC").anyMatch(option -> option.startsWith("-Xmx"))
                .anyMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval="));
        if (Runtime.version().feature() >= 25) {
            // An older JDK that runs the jar does not know the option: it must ignore it, not refuse to start.
            assertThat(options).containsSubsequence("-XX:+IgnoreUnrecognizedVMOptions", AOT_CACHE)
                    .containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining")
                    .noneMatch(option -> option.contains("SharedArchive"));
        } else {
            assertThat(options).contains("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=app/target/strata-app.jsa").noneMatch(option -> option.contains("AOT"));
        }
    }

    @Test
    void theTrainingRunWritesTheCacheTheOptionsRead() {
        List<String> options = List.of("-XX:+UseSerialGC", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:AOTCache=/a/b.aot",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");
        // The cache keeps the method profiles: only the app's runs do without replaying them.
        assertThat(ClassArchiveTraining.trainingOptions(options)).containsExactly("-XX:+UseSerialGC",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:AOTCacheOutput=/a/b.aot", "-XX:+UnlockDiagnosticVMOptions");
        assertThat(ClassArchiveTraining.archive(options)).isEqualTo(Path.of("/a/b.aot"));
        List<String> archive = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/a/b.jsa");
        assertThat(ClassArchiveTraining.trainingOptions(archive)).isEqualTo(archive);
        assertThat(ClassArchiveTraining.archive(archive)).isEqualTo(Path.of("/a/b.jsa"));
    }

    @Test
    void theJvmTakesTheOptionThatTurnsTheReplayOfTheCachesProfilesOff(@TempDir Path folder) throws Exception {
        // -XX:+IgnoreUnrecognizedVMOptions would let a misspelt or renamed flag pass unnoticed: ask the JVM itself.
        if (Runtime.version().feature() < 25) {
            assertThat(ShippedLaunch.jvmOptions()).noneMatch(option -> option.contains("AOTReplayTraining"));
            return;
        }
        List<String> arguments = new ArrayList<>(ShippedLaunch.jvmOptions());
        arguments.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        assertThat(java(folder, arguments)).anyMatch(line -> line.matches("\\s*bool AOTReplayTraining\\s+= false\\s.*"));
    }

    @Test
    void aJvmThatCannotUseTheCacheStillStarts(@TempDir Path folder) throws Exception {
        // What another JDK build, a rebuilt jar or a damaged file looks like to the JVM: a cache it cannot use.
        Path cache = Files.writeString(folder.resolve("not-a-cache.aot"), "not a cache");
        List<String> options = new ArrayList<>();
        for (String option : ShippedLaunch.jvmOptions()) {
            options.add(option.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=" + cache
                    : option.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + cache : option);
        }
        Path argumentFile = Files.write(folder.resolve("strata.jvm-options"), options);
        java(folder, List.of("@" + argumentFile, "-version"));
    }

    /** Runs this test's JVM with {@code arguments}, requires it to exit 0, and returns what it printed. */
    private static List<String> java(Path folder, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(arguments);
        Path out = folder.resolve("out.txt");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(java.waitFor()).as(Files.readString(out)).isZero();
        return Files.readAllLines(out);
    }

    @Test
    void theSystemdUnitStartsTheJvmWithTheBuildsOptions() throws Exception {
        Path unit = ShippedLaunch.readme().getParent().resolve("deploy/systemd/strata@.service");
        List<String> lines = Files.readAllLines(unit);
        // The options file's paths are relative to the folder the jar is installed under.
        assertThat(lines).contains("WorkingDirectory=/opt/strata",
                "ExecStart=/usr/bin/java -XX:+ExitOnOutOfMemoryError @app/target/strata.jvm-options "
                        + "-jar app/target/strata-app.jar");
    }
}
