package org.romflash.link;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A growable byte FIFO that one thread fills and another drains with a timeout. */
final class ByteQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private byte[] buffer = new byte[4096];
  private int head;
  private int size;
  private boolean closed;

  void put(byte[] data, int offset, int length) {
    lock.lock();
    try {
      ensureCapacity(size + length);
      for (int i = 0; i < length; i++) {
        buffer[(head + size + i) % buffer.length] = data[offset + i];
      }
      size += length;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Takes up to {@code length} bytes, waiting until at least one is there; returns -1 once closed. */
  int take(byte[] into, int offset, int length, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (size == 0 && !closed) {
        if (nanos <= 0) {
          return 0;
        }
        nanos = arrived.awaitNanos(nanos);
      }
      if (size == 0) {
        return -1;
      }
      int count = Math.min(length, size);
      for (int i = 0; i < count; i++) {
        into[offset + i] = buffer[(head + i) % buffer.length];
      }
      head = (head + count) % buffer.length;
      size -= count;
      return count;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes waiting to be taken. */
  int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      head = 0;
      size = 0;
    } finally {
      lock.unlock();
    }
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void ensureCapacity(int needed) {
    if (needed <= buffer.length) {
      return;
    }
    byte[] bigger = new byte[Math.max(needed, buffer.length * 2)];
    for (int i = 0; i < size; i++) {
      bigger[i] = buffer[(head + i) % buffer.length];
    }
    buffer = bigger;
    head = 0;
  }

  static long remainingNanos(long deadlineNanos) {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(remainingNanos(deadlineNanos));
  }

  static long deadline(Duration timeout) {
    return System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
  }
}
