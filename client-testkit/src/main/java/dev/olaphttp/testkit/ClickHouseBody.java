package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;

/** A ClickHouse request body: Content-Encoding removed, connection failures told apart from corrupt data. */
final class ClickHouseBody {
  private ClickHouseBody() {}

  /** The request body with its {@code Content-Encoding} (gzip, deflate) removed. */
  static java.io.InputStream decoded(RawRequest req, java.io.InputStream raw) throws IOException {
    String enc = req.header("Content-Encoding");
    if (enc == null || !req.hasBody()) {
      return raw;
    }
    return switch (enc.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "gzip" -> new java.util.zip.GZIPInputStream(raw, 8192);
      case "deflate" -> new java.util.zip.InflaterInputStream(raw);
      default -> raw;
    };
  }

  /** Remembers whether the connection itself failed, to tell a broken upload from a corrupt compressed body. */
  static final class RawBodyWatch extends java.io.FilterInputStream {
    boolean failed;

    RawBodyWatch(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }
}
