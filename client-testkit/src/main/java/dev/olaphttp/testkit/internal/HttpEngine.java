package dev.olaphttp.testkit.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A small HTTP/1.1 server over {@link ServerSocket}: one daemon thread per connection, keep-alive. */
public final class HttpEngine implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEngine.class);

  /** Handles one exchange; must commit a response or cut the connection. */
  public interface Handler {
    void handle(Exchange exchange) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final String name;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionIds = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  public HttpEngine(String name, Handler handler) {
    this(name, handler, 0);
  }

  /** Binds {@code port} on the loopback address ({@code 0}: a free port). */
  public HttpEngine(String name, Handler handler, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    this.name = name;
    this.handler = handler;
    try {
      serverSocket = new ServerSocket();
      serverSocket.setReuseAddress(true);
      serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new IllegalStateException(port == 0 ? "cannot bind a loopback port"
          : "cannot bind loopback port " + port + " (in use?)", e);
    }
    acceptor = new Thread(this::acceptLoop, name + "-accept-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Number of TCP connections accepted so far. */
  public long connectionsAccepted() {
    return connectionIds.get();
  }

  /** Number of TCP connections currently open. */
  public int openConnections() {
    return sockets.size();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket s = serverSocket.accept();
        s.setTcpNoDelay(true);
        sockets.add(s);
        ConnectionContext ctx = new ConnectionContext(connectionIds.incrementAndGet(), s);
        Thread t = new Thread(() -> serve(s, ctx), name + "-conn-" + ctx.id());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!serverSocket.isClosed()) {
          LOG.debug("accept failed", e);
        }
      }
    }
  }

  private void serve(Socket socket, ConnectionContext ctx) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
      FaultSink sink =
          new FaultSink(new BufferedOutputStream(socket.getOutputStream(), 16384), socket, closed);
      RequestReader reader = new RequestReader(in, sink, ctx);
      while (!socket.isClosed()) {
        RawRequest req = reader.next();
        if (req == null) {
          break;
        }
        Exchange ex = new Exchange(req, socket, sink);
        try {
          handler.handle(ex);
          if (!ex.committed()) {
            ex.send(500, Headers.of("Content-Type", "text/plain"),
                "no response".getBytes(StandardCharsets.UTF_8));
          }
          ex.finishChunked();
        } catch (Aborted a) {
          LOG.debug("{}: connection {} cut: {}", name, ctx.id(), a.getMessage());
          break;
        } catch (RuntimeException e) {
          LOG.warn("{}: handler failed", name, e);
          if (!ex.committed()) {
            ex.send(500, Headers.of("Content-Type", "text/plain"),
                ("internal error: " + e).getBytes(StandardCharsets.UTF_8));
          } else {
            break;
          }
        }
        if (ex.closeAfter() || !finishBody(req)) {
          break;
        }
      }
    } catch (SocketException e) {
      LOG.trace("{}: socket closed", name, e);
    } catch (IOException e) {
      LOG.debug("{}: connection {} failed", name, ctx.id(), e);
    } finally {
      sockets.remove(socket);
    }
  }

  /** Consumes what the handler left of the body; false when the connection cannot be reused. */
  private static boolean finishBody(RawRequest req) throws IOException {
    BodyInput body = req.input();
    if (body.awaitingContinue()) {
      return false; // answered without 100 Continue: the client will not send the body on this connection
    }
    body.drain();
    return true;
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
