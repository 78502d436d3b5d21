package dev.olaphttp.testkit.internal;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Ordered response header lists. */
public final class Headers {
  private Headers() {}

  /** A mutable header list from name, value pairs. */
  public static List<String[]> of(String... nameValue) {
    if (nameValue.length % 2 != 0) {
      throw new IllegalArgumentException("odd header list");
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      out.add(new String[] {nameValue[i], nameValue[i + 1]});
    }
    return out;
  }

  /** The current time as an HTTP Date header value. */
  public static String now() {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
  }
}
