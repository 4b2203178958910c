package dev.mailleaks.cli;

import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --datastore} option of the commands that read what scans recorded. */
final class DatastoreOption {
  @Option(names = "--datastore", paramLabel = "FILE", defaultValue = "mailleaks.db",
      description = "The datastore scans recorded into (default: ${DEFAULT-VALUE}).")
  Path path;

  Datastore open() throws DatastoreException {
    return Datastore.openExisting(path);
  }
}
