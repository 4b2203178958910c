package dev.mailleaks.cli;

import dev.mailleaks.customers.Attributor;
import dev.mailleaks.notify.NotificationPlan;
import dev.mailleaks.notify.NotificationWriter;
import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import dev.mailleaks.store.FindingStore;
import dev.mailleaks.store.Triage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "notify", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write per-customer notification lists and letters from the datastore.")
final class NotifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatastoreOption datastore;
  @Mixin CustomerOptions customerOptions;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Folder for notifications.csv, notifications.json, letters/ and unattributed.csv (owner-only).")
  Path folder;

  @Option(names = "--template", paramLabel = "FILE", description = "A Mustache letter template instead of the default.")
  Path template;

  @Option(names = "--include-all", description = "Keep secrets triaged as false-positive or rotated.")
  boolean includeAll;

  @Option(names = "--mark-notified", description = "Record the notified secrets as notified, with the date and folder.")
  boolean markNotified;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (customerOptions.customers == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "notify needs --customers FILE");
    }
    Attributor attributor;
    try {
      attributor = customerOptions.attributor(err);
    } catch (CustomerOptions.Unusable e) {
      return ExitCodes.USAGE;
    }
    try (Datastore store = datastore.open()) {
      FindingStore findings = new FindingStore(store);
      NotificationPlan plan = NotificationPlan.of(findings.secrets(false), findings.occurrences(), attributor, includeAll);
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      int letters = new NotificationWriter(template).write(plan, folder, now);
      if (markNotified && !plan.notifications().isEmpty()) {
        new Triage(store).markNotified(plan.notifications().stream()
            .map(n -> new Triage.Sent(n.secret().fingerprint(), n.attribution().customer().id())).toList(),
            folder.toAbsolutePath().toString());
      }
      out.printf("%d notification(s) for %d customer(s), %d unattributed secret(s) to review; written to %s%n",
          plan.notifications().size(), letters, plan.unattributed().size(), folder);
      return ExitCodes.CLEAN;
    } catch (DatastoreException e) {
      err.println("mailleaks: " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    } catch (SQLException | IOException e) {
      err.println("mailleaks: notify failed: " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    }
  }
}
