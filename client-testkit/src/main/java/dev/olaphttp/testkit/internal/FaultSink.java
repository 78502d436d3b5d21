package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Socket output that counts body bytes and applies a {@link BodyFault} at its limit. */
final class FaultSink extends OutputStream {
  private final OutputStream out;
  private final Socket socket;
  private final CountDownLatch serverClosed;
  private BodyFault fault;
  private boolean counting;
  private long written;
  private volatile boolean released;

  FaultSink(OutputStream out, Socket socket, CountDownLatch serverClosed) {
    this.out = out;
    this.socket = socket;
    this.serverClosed = serverClosed;
  }

  /** Ends a stall now (from any thread): the stalled response closes its connection instead of waiting. */
  void release() {
    released = true;
  }

  void arm(BodyFault fault) {
    this.fault = fault;
    this.released = false;
    this.counting = false;
    this.written = 0;
  }

  /** Called once the header block has been written: from here bytes count toward the limit. */
  void startBody() {
    counting = true;
  }

  void endResponse() {
    counting = false;
    fault = null;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fault == null || !counting) {
      out.write(b, off, len);
      return;
    }
    long room = fault.afterBytes() - written;
    if (len <= room) {
      out.write(b, off, len);
      written += len;
      return;
    }
    if (room > 0) {
      out.write(b, off, (int) room);
      written += room;
    }
    trigger();
  }

  /** Applies the fault now (used when the limit is reached, or at end of a body shorter than the limit). */
  void trigger() throws IOException {
    BodyFault f = fault;
    out.flush();
    switch (f.kind()) {
      case RESET -> {
        socket.setSoLinger(true, 0);
        socket.close();
      }
      case TRUNCATE -> socket.close();
      case STALL -> {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try {
          while (!released && System.nanoTime() < end && !serverClosed.await(20, TimeUnit.MILLISECONDS)) {
            // waits for the server's close, a release, or the 10-minute cap
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        socket.close();
      }
      default -> throw new IllegalStateException();
    }
    throw new Aborted("fault " + f.kind() + " after " + written + " body bytes");
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
