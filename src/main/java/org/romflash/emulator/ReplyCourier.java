package org.romflash.emulator;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.romflash.link.Link;

/**
 * Carries the chip's replies to the host after the adapter's turnaround latency, in order, without
 * holding up the chip. A USB-serial adapter delays what the chip sends on its way to the host; it
 * does not stop the chip from receiving the bytes the host has already sent. With no latency the
 * reply is written at once, on the caller's thread.
 */
final class ReplyCourier {
  private record Parcel(long dueNanos, byte[] bytes) {}

  private final Link link;
  private final LinkedBlockingQueue<Parcel> parcels = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean carrying;
  private volatile boolean failed;

  ReplyCourier(Link link, boolean delayed) {
    this.link = link;
    this.thread = delayed ? new Thread(this::carry, "emulated-adapter-latency") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Hands {@code bytes} to the host at {@code dueNanos} ({@link System#nanoTime()} scale). */
  void deliver(byte[] bytes, long dueNanos) {
    if (thread == null) {
      write(bytes);
    } else {
      parcels.add(new Parcel(dueNanos, bytes.clone()));
    }
  }

  /** Whether every reply handed over has reached the host. */
  boolean empty() {
    return parcels.isEmpty() && !carrying;
  }

  /** Whether writing to the host failed (the link is gone). */
  boolean failed() {
    return failed;
  }

  void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void carry() {
    try {
      while (true) {
        Parcel parcel = parcels.take();
        carrying = true;
        long wait;
        while ((wait = parcel.dueNanos() - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        write(parcel.bytes());
        carrying = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(byte[] bytes) {
    try {
      link.write(bytes);
    } catch (RuntimeException e) {
      failed = true;
    }
  }
}
