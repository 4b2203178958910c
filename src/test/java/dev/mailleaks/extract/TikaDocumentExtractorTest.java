package dev.mailleaks.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailleaks.source.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link TikaDocumentExtractor}: real documents, real timeouts. */
class TikaDocumentExtractorTest {
  private static byte[] workbook() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("Summary").createRow(0).createCell(0).setCellValue("nothing here");
      var row = book.createSheet("Access").createRow(0);
      row.createCell(0).setCellValue("Password");
      row.createCell(1).setCellValue("Sheet2-Secret-77");
      book.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void readsEverySheetOfAWorkbook() throws Exception {
    String text = new TikaDocumentExtractor(Duration.ofSeconds(30), 1 << 20).extract(workbook(), "a.xlsx", null);
    assertThat(text).contains("nothing here", "Password", "Sheet2-Secret-77");
  }

  @Test
  void abandonsAParseThatOutlivesTheTimeout() throws Exception {
    // A fresh extractor must first build Tika's parser, which alone takes far longer than a millisecond.
    TikaDocumentExtractor impatient = new TikaDocumentExtractor(Duration.ofMillis(1), 1 << 20);
    byte[] book = workbook();
    assertThatThrownBy(() -> impatient.extract(book, "a.xlsx", null))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT))
        .hasMessage("extraction took longer than 1 ms");
  }

  @Test
  void keepsTheTextBeforeTheWriteLimit() throws Exception {
    String text = new TikaDocumentExtractor(Duration.ofSeconds(30), 10).extract(workbook(), "a.xlsx", null);
    assertThat(text.length()).isLessThanOrEqualTo(12);
  }
}
