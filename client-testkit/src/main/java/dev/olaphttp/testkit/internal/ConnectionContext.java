package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** State of one accepted TCP connection: its id, socket and per-connection attributes. Internal. */
public final class ConnectionContext {
  private final long id;
  private final Socket socket;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

  ConnectionContext(long id, Socket socket) {
    this.id = id;
    this.socket = socket;
  }

  /** Sequence number of the TCP connection (1-based, per server). */
  public long id() {
    return id;
  }

  public Map<String, Object> attributes() {
    return attributes;
  }

  /** Closes the socket (FIN); any in-flight response is cut. */
  public void kill() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }
}
