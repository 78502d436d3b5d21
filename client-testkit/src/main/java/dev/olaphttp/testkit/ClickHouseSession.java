package dev.olaphttp.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A ClickHouse HTTP session: settings, current database, lock and expiry. */
final class ClickHouseSession {
  final Map<String, String> settings = new ConcurrentHashMap<>();
  final AtomicBoolean locked = new AtomicBoolean();
  volatile String database = "default";
  volatile long timeoutSecs = 60;
  volatile long lastUseMillis = System.currentTimeMillis();

  boolean expired(long now) {
    return !locked.get() && now > lastUseMillis + timeoutSecs * 1000;
  }
}
