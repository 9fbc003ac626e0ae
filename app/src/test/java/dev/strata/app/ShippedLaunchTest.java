package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the app ships with are written in two places an operator copies from, the
 * README's run command and the systemd unit, and must say the same (the unit adds its own
 * out-of-memory exit and keeps the class-data archive in its state directory).
 */
class ShippedLaunchTest {

    @Test
    void theReadmesRunCommandSetsTheHeapTheCollectorTheNativeHeapTrimAndTheClassDataArchive() {
        assertThat(ShippedLaunch.writtenJvmOptions()).contains("-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=app/target/strata-app.jsa").anyMatch(option -> option.startsWith("-Xmx"))
                .anyMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval="));
    }

    @Test
    void theSystemdUnitStartsTheJvmWithTheReadmesOptions() throws Exception {
        Path unit = ShippedLaunch.readme().getParent().resolve("deploy/systemd/strata@.service");
        String execStart = Files.readAllLines(unit).stream().filter(line -> line.startsWith("ExecStart="))
                .findFirst().orElseThrow();
        List<String> unitOptions = ShippedLaunch.jvmOptionsOf(execStart.replace("ExecStart=/usr/bin/java ",
                "&& java "));
        List<String> readmeOptions = ShippedLaunch.writtenJvmOptions().stream()
                .map(option -> option.replace("app/target/strata-app.jsa", "/var/lib/strata/%i/strata-app.jsa"))
                .toList();
        assertThat(unitOptions).containsAll(readmeOptions);
        assertThat(unitOptions).containsExactlyInAnyOrderElementsOf(
                concat(List.of("-XX:+ExitOnOutOfMemoryError"), readmeOptions));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
