package dev.mailleaks.testdata;

import com.github.luben.zstd.Zstd;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Writes attachment files and containers in memory, deterministically (fixed dates, fixed zip entry times). */
final class AttachmentFactory {

  /** Every timestamp inside generated files. */
  static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 2, 3, 4, 6);
  static final long FIXED_MILLIS = FIXED_TIME.toInstant(ZoneOffset.UTC).toEpochMilli();

  private AttachmentFactory() {
  }

  // ---------------------------------------------------------------- documents

  static byte[] pdf(String title, List<String> lines) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        cs.setLeading(14);
        cs.newLineAtOffset(40, 790);
        for (String line : lines) {
          cs.showText(line);
          cs.newLine();
        }
        cs.endText();
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setProducer("mailleaks TestdataGenerator");
      info.setCreationDate(fixedCalendar());
      info.setModificationDate(fixedCalendar());
      COSArray id = new COSArray();
      id.add(new COSString(Encoders.latin1("mailleaks-fixture")));
      id.add(new COSString(Encoders.latin1("mailleaks-fixture")));
      doc.getDocument().getTrailer().setItem(COSName.ID, id);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] docx(List<String> paragraphs) {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      fixProperties(doc.getProperties());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return normalizeZip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workbook with two sheets; rows are arrays of cell strings. */
  static byte[] xlsx(String sheet1, List<String[]> rows1, String sheet2, List<String[]> rows2) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      fillSheet(wb.createSheet(sheet1), rows1);
      fillSheet(wb.createSheet(sheet2), rows2);
      fixProperties(wb.getProperties());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return normalizeZip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fillSheet(Sheet sheet, List<String[]> rows) {
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows.get(r).length; c++) {
        row.createCell(c).setCellValue(rows.get(r)[c]);
      }
    }
  }

  static byte[] pptx(List<String> lines) {
    try (XMLSlideShow ppt = new XMLSlideShow()) {
      XSLFSlide slide = ppt.createSlide();
      XSLFTextBox box = slide.createTextBox();
      box.setAnchor(new Rectangle2D.Double(40, 40, 640, 400));
      box.clearText();
      for (String line : lines) {
        box.addNewTextParagraph().addNewTextRun().setText(line);
      }
      fixProperties(ppt.getProperties());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ppt.write(out);
      return normalizeZip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fixProperties(POIXMLProperties props) {
    POIXMLProperties.CoreProperties core = props.getCoreProperties();
    core.setCreated(Optional.of(new Date(FIXED_MILLIS)));
    core.setModified(Optional.of(new Date(FIXED_MILLIS)));
    core.setCreator("mailleaks fixtures");
    core.setTitle("mailleaks test fixture (fake secrets)");
  }

  /** An OpenDocument text written by hand: mimetype stored first, content.xml, META-INF/manifest.xml. */
  static byte[] odt(List<String> paragraphs) {
    StringBuilder content = new StringBuilder();
    content.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"")
        .append(" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\n")
        .append("<office:body><office:text>\n");
    for (String p : paragraphs) {
      content.append("<text:p>").append(xmlEscape(p)).append("</text:p>\n");
    }
    content.append("</office:text></office:body></office:document-content>\n");
    String manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    return zip(Map.of(), List.of(
        new ZipItem("mimetype", Encoders.latin1("application/vnd.oasis.opendocument.text"), true),
        new ZipItem("content.xml", Encoders.utf8(content.toString()), false),
        new ZipItem("META-INF/manifest.xml", Encoders.utf8(manifest), false)));
  }

  /** A minimal RTF document, one \par per line (lines must not contain '\', '{' or '}'). */
  static byte[] rtf(List<String> lines) {
    StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\n"
        + "{\\info{\\title mailleaks fixture}{\\creatim\\yr2024\\mo1\\dy2\\hr3\\min4}}\n\\f0\\fs22\n");
    for (String line : lines) {
      if (line.matches(".*[\\\\{}].*")) {
        throw new IllegalArgumentException(line);
      }
      sb.append(line).append("\\par\n");
    }
    return Encoders.latin1(sb.append("}\n").toString());
  }

  /** A tiny 16x16 PNG (no secret inside). */
  static byte[] png() {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.setRGB(x, y, ((x + y) % 4 == 0 ? Color.ORANGE : Color.DARK_GRAY).getRGB());
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String xmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  // ---------------------------------------------------------------- containers and compressors

  /** One zip entry; {@code stored} writes it uncompressed (ODF mimetype). */
  record ZipItem(String name, byte[] data, boolean stored) {
    ZipItem(String name, byte[] data) {
      this(name, data, false);
    }
  }

  static byte[] zip(ZipItem... items) {
    return zip(Map.of(), List.of(items));
  }

  /**
   * A zip with fixed entry times. {@code zeroEntries} maps names of extra entries to a count of zero bytes that
   * is streamed (never held in memory) and deflated at level 9: that is how the zip bomb is built.
   */
  static byte[] zip(Map<String, Long> zeroEntries, List<ZipItem> items) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zos = new ZipOutputStream(out)) {
        zos.setLevel(Deflater.BEST_COMPRESSION);
        for (Map.Entry<String, Long> z : zeroEntries.entrySet()) {
          ZipEntry e = new ZipEntry(z.getKey());
          e.setTimeLocal(FIXED_TIME);
          zos.putNextEntry(e);
          byte[] zeros = new byte[1 << 20];
          for (long left = z.getValue(); left > 0; left -= zeros.length) {
            zos.write(zeros, 0, (int) Math.min(zeros.length, left));
          }
          zos.closeEntry();
        }
        for (ZipItem item : items) {
          ZipEntry e = new ZipEntry(item.name());
          e.setTimeLocal(FIXED_TIME);
          if (item.stored()) {
            CRC32 crc = new CRC32();
            crc.update(item.data());
            e.setMethod(ZipEntry.STORED);
            e.setSize(item.data().length);
            e.setCompressedSize(item.data().length);
            e.setCrc(crc.getValue());
          }
          zos.putNextEntry(e);
          zos.write(item.data());
          zos.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a zip (as POI writes it) with the same entries in the same order and fixed entry times. */
  static byte[] normalizeZip(byte[] zip) throws IOException {
    List<ZipItem> items = new java.util.ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        items.add(new ZipItem(e.getName(), in.readAllBytes()));
      }
    }
    return zip(Map.of(), items);
  }

  /** A tar with fixed metadata; names ending in '/' become directories. */
  static byte[] tar(ZipItem... items) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (ZipItem item : items) {
          TarArchiveEntry e = new TarArchiveEntry(item.name());
          e.setModTime(FIXED_MILLIS);
          e.setUserId(1000);
          e.setGroupId(1000);
          e.setUserName("fixture");
          e.setGroupName("fixture");
          if (!item.name().endsWith("/")) {
            e.setSize(item.data().length);
            e.setMode(0100644);
          }
          tar.putArchiveEntry(e);
          if (!item.name().endsWith("/")) {
            tar.write(item.data());
          }
          tar.closeArchiveEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 7z archive (LZMA2) of the given entries. */
  static byte[] sevenZ(ZipItem... items) {
    try {
      SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
      SevenZOutputFile sz = new SevenZOutputFile(channel);
      for (ZipItem item : items) {
        SevenZArchiveEntry e = new SevenZArchiveEntry();
        e.setName(item.name());
        e.setLastModifiedDate(new Date(FIXED_MILLIS));
        e.setSize(item.data().length);
        sz.putArchiveEntry(e);
        sz.write(item.data());
        sz.closeArchiveEntry();
      }
      sz.finish();
      byte[] result = Arrays.copyOf(channel.array(), (int) channel.size());
      sz.close();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  interface StreamWrapper {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(byte[] data, StreamWrapper wrapper) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream c = wrapper.wrap(out)) {
        c.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** gzip without file name and with MTIME 0 (java.util.zip writes a fixed header). */
  static byte[] gzip(byte[] data) {
    return compress(data, GZIPOutputStream::new);
  }

  static byte[] bzip2(byte[] data) {
    return compress(data, BZip2CompressorOutputStream::new);
  }

  static byte[] xz(byte[] data) {
    return compress(data, out -> new XZOutputStream(out, new LZMA2Options()));
  }

  static byte[] zstd(byte[] data) {
    return Zstd.compress(data, 19);
  }

  private static Calendar fixedCalendar() {
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
    c.setTimeInMillis(FIXED_MILLIS);
    return c;
  }
}
