package dev.mailleaks.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The SARIF 2.1.0 JSON schema (src/test/resources/sarif/, see the README there), with format assertions on: a
 * {@code uri-reference} or {@code date-time} that is not one is an error.
 */
public final class SarifSchema {
  private static final Schema SCHEMA = load();

  private SarifSchema() {}

  /** The schema's complaints about a SARIF document, as readable lines; empty when it is valid. */
  public static List<String> errors(String sarif) {
    List<Error> errors = SCHEMA.validate(sarif, InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static Schema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException("src/test/resources/sarif/sarif-schema-2.1.0.json is missing");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
