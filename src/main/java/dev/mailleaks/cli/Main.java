package dev.mailleaks.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. Only {@link #main} exits the process; tests call {@link #run}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    var relaunched = JvmRelauncher.relaunch(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.get());
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // Reports go to stdout; a library that prints there (java-libpst does) must not corrupt them.
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    System.exit(run(out, err, args));
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new MailleaksCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // Shell-style usage errors: the problem and where to look, not the whole help text.
    commandLine.setParameterExceptionHandler((e, args2) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("mailleaks: " + e.getMessage());
      cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      cmd.getErr().println("mailleaks: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return ExitCodes.INCOMPLETE;
    });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
