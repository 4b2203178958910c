package dev.mailleaks.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A rendering of the datastore for {@code mailleaks report}. Plaintext secrets appear only where the snapshot
 * carries them, which it does only when the datastore holds them and the user asked with {@code --show-secrets}.
 */
public sealed interface StoreReport permits StoreJsonReport, StoreJsonlReport, StoreCsvReport, SarifReport, HtmlReport {
  /** Writes the whole report; does not close {@code out}. */
  void write(StoreSnapshot snapshot, OutputStream out) throws IOException;
}
