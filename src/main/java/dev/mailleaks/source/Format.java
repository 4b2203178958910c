package dev.mailleaks.source;

/** What a stream of bytes holds, as far as reading mail goes. */
public enum Format {
  GZIP(true), BZIP2(true), XZ(true), ZSTD(true),
  ZIP(false), SEVEN_Z(false), TAR(false),
  MBOX(false), MESSAGE(false), EMLX(false),
  /** An Outlook PST or OST store. */
  PST(false),
  /** An OLE2 compound file: an Outlook MSG item, or a legacy Office document. */
  OLE2(false),
  /** Outlook's TNEF ({@code winmail.dat}) saved as a file. */
  TNEF(false),
  UNKNOWN(false);

  private final boolean compression;

  Format(boolean compression) {
    this.compression = compression;
  }

  /** A single compressed stream, as opposed to a container of named entries. */
  public boolean isCompression() {
    return compression;
  }

  public boolean isContainer() {
    return this == ZIP || this == SEVEN_Z || this == TAR;
  }
}
