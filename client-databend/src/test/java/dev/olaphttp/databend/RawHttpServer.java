package dev.olaphttp.databend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal keep-alive HTTP/1.1 server for tests that send thousands of small exchanges: each response (status line,
 * headers and body) goes out in one write with TCP_NODELAY, so no exchange waits on a delayed ACK.
 */
final class RawHttpServer implements AutoCloseable {
    /** A response: status, body (Content-Length is its length). */
    record Reply(int status, byte[] body) {}

    /** Answers one request. */
    interface Handler {
        Reply handle(String method, String target, byte[] body);
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http");
        t.setDaemon(true);
        return t;
    });
    private volatile Handler handler;

    RawHttpServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String line = line(in);
                if (line == null || line.isEmpty()) {
                    return;
                }
                String[] request = line.split(" ");
                int length = 0;
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int c = h.indexOf(':');
                    if (c > 0 && h.substring(0, c).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                        length = Integer.parseInt(h.substring(c + 1).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                Reply r = handler.handle(request[0], request[1], body);
                ByteArrayOutputStream b = new ByteArrayOutputStream(r.body().length + 128);
                b.writeBytes(("HTTP/1.1 " + r.status() + " X\r\nContent-Type: application/json\r\nContent-Length: "
                        + r.body().length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                b.writeBytes(r.body());
                out.write(b.toByteArray());
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
