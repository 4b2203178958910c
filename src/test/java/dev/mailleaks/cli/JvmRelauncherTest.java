package dev.mailleaks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link JvmRelauncher}'s decision: relaunch scans from the jar, respect the user's choices. */
class JvmRelauncherTest {
  private static final Optional<Path> JAR = Optional.of(Path.of("/opt/mailleaks.jar"));

  @Test
  void relaunchesAScanFromTheJarWithTheTunedCollector() {
    assertThat(JvmRelauncher.command(new String[] {"scan", "x.mbox"}, List.of("-Dfoo=1"), Map.of(), JAR, "/jdk", 17))
        .contains(List.of("/jdk/bin/java", "-Dfoo=1", "-XX:+UseSerialGC", "-Xms32m", "-cp", "/opt/mailleaks.jar",
            "dev.mailleaks.cli.Main", "scan", "x.mbox"));
  }

  @Test
  void respectsTheUsersJvmChoices() {
    String[] scan = {"scan", "x"};
    assertThat(JvmRelauncher.command(scan, List.of("-Xmx2g"), Map.of(), JAR, "/jdk", 17)).isEmpty();
    assertThat(JvmRelauncher.command(scan, List.of("-XX:+UseZGC"), Map.of(), JAR, "/jdk", 17)).isEmpty();
    assertThat(JvmRelauncher.command(scan, List.of("-XX:MaxRAMPercentage=10"), Map.of(), JAR, "/jdk", 17)).isEmpty();
    assertThat(JvmRelauncher.command(scan, List.of(), Map.of(JvmRelauncher.MARKER, "1"), JAR, "/jdk", 17)).isEmpty();
  }

  @Test
  void runsOtherCommandsAndClassFolderRunsInPlace() {
    assertThat(JvmRelauncher.command(new String[] {"rules", "list"}, List.of(), Map.of(), JAR, "/jdk", 17)).isEmpty();
    assertThat(JvmRelauncher.command(new String[] {"scan", "x"}, List.of(), Map.of(), Optional.empty(), "/jdk", 17)).isEmpty();
  }

  @Test
  void allowsNativeAccessOnJdksThatWarnAboutIt() {
    assertThat(JvmRelauncher.command(new String[] {"scan", "x"}, List.of(), Map.of(), JAR, "/jdk", 25).orElseThrow())
        .contains("--enable-native-access=ALL-UNNAMED");
  }
}
