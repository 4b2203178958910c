package dev.mailleaks.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a scan in a JVM configured for it. A scan allocates fast and keeps little: with the serial collector the
 * heap stays a few hundred megabytes and the scan uses less CPU, while the default G1 grows the heap past a
 * gigabyte. {@code java -jar} cannot carry JVM options, so {@code main} starts the tuned JVM once, unless the
 * user chose a collector or heap size, or set {@code MAILLEAKS_NO_RELAUNCH}.
 */
final class JvmRelauncher {
  static final String MARKER = "MAILLEAKS_NO_RELAUNCH";
  /** Serial collection, and a heap that starts small and grows only as the scan needs (live data is ~100 MB). */
  static final List<String> TUNED_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m");

  private JvmRelauncher() {}

  /** The command that runs the same arguments in a tuned JVM, or empty when this JVM should do the work. */
  static Optional<List<String>> command(String[] args, List<String> jvmOptions, Map<String, String> env,
      Optional<Path> jar, String javaHome, int javaFeatureVersion) {
    if (env.containsKey(MARKER) || jar.isEmpty() || args.length == 0 || !args[0].equals("scan")) {
      return Optional.empty();
    }
    for (String option : jvmOptions) {
      if (option.startsWith("-Xmx") || option.startsWith("-XX:MaxRAM") || option.matches("-XX:[+-]Use\\w*GC")) {
        return Optional.empty(); // the user has chosen; respect it
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(TUNED_OPTIONS);
    if (javaFeatureVersion >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED"); // as the jar's manifest says, which -cp does not read
    }
    command.add("-cp");
    command.add(jar.get().toString());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /** Runs the tuned JVM if it applies; returns its exit code, or empty to run here. */
  static Optional<Integer> relaunch(String[] args) {
    Optional<List<String>> jvmOptions = jvmOptions();
    if (jvmOptions.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<String>> command = command(args, jvmOptions.get(), System.getenv(), runningJar(),
        System.getProperty("java.home"), Runtime.version().feature());
    if (command.isEmpty()) {
      return Optional.empty();
    }
    ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
    builder.environment().put(MARKER, "1");
    Process child;
    try {
      child = builder.start();
    } catch (Exception e) {
      return Optional.empty(); // cannot start a JVM: scan in this one
    }
    Thread reaper = new Thread(child::destroy, "mailleaks-child-reaper");
    Runtime.getRuntime().addShutdownHook(reaper); // a killed parent must not leave the scan running
    try {
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(reaper);
      return Optional.of(code);
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      return Optional.of(ExitCodes.INCOMPLETE);
    }
  }

  /**
   * This JVM's own options: the command line's words before {@code -jar}. Read from the process table rather
   * than JMX, which would load more classes than the whole launcher needs.
   */
  private static Optional<List<String>> jvmOptions() {
    Optional<String[]> arguments = ProcessHandle.current().info().arguments();
    List<String> words = arguments.map(List::of).orElse(List.of());
    int jar = words.indexOf("-jar");
    if (jar >= 0) {
      return Optional.of(words.subList(0, jar));
    }
    // The process table gives nothing for a long command line (many input files): ask the JVM itself.
    return Optional.of(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static Optional<Path> runningJar() {
    try {
      var source = Main.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      File file = new File(source.getLocation().toURI());
      return file.isFile() && file.getName().endsWith(".jar") ? Optional.of(file.toPath()) : Optional.empty();
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }
}
