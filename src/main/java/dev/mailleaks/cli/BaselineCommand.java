package dev.mailleaks.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.report.ToolInfo;
import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import dev.mailleaks.store.FindingStore;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Make baselines for scan --baseline.",
    subcommands = BaselineCommand.Create.class)
final class BaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Write every secret the datastore knows (fingerprint, rule, redacted form) as a baseline file.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatastoreOption datastore;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The baseline file (owner-only).")
    Path output;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try (Datastore store = datastore.open()) {
        List<StoredSecret> secrets = new FindingStore(store).secrets(false);
        try (OutputStream out = OwnerOnlyFiles.create(output);
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
          json.writeStartObject();
          json.writeStringField("tool", "mailleaks " + ToolInfo.current().version());
          json.writeStringField("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
          json.writeStringField("datastore", datastore.path.toString());
          json.writeArrayFieldStart("fingerprints");
          for (StoredSecret s : secrets) {
            json.writeStartObject();
            json.writeStringField("fingerprint", s.fingerprint());
            json.writeStringField("rule_id", s.ruleId());
            json.writeStringField("secret_redacted", s.secretRedacted());
            json.writeStringField("triage_status", s.triageStatus());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        }
        spec.commandLine().getOut().printf("%d secret(s) written to %s%n", secrets.size(), output);
        return ExitCodes.CLEAN;
      } catch (DatastoreException e) {
        err.println("mailleaks: " + e.getMessage());
        return ExitCodes.INCOMPLETE;
      } catch (SQLException | IOException e) {
        err.println("mailleaks: cannot write the baseline: " + e.getMessage());
        return ExitCodes.INCOMPLETE;
      }
    }
  }
}
