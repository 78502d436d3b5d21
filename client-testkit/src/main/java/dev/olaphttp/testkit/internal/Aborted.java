package dev.olaphttp.testkit.internal;

import java.io.IOException;

/** Thrown inside a handler when the connection was deliberately cut; the engine stops serving it. */
public final class Aborted extends IOException {
  private static final long serialVersionUID = 1L;

  public Aborted(String message) {
    super(message);
  }
}
