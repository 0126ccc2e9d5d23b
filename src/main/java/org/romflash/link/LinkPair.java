package org.romflash.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Two in-memory links wired back to back, like a null-modem cable: what one end writes, the other
 * reads. Used to run the emulated bootloader in the same process as the client, in tests and for
 * {@code --port sim:DEVICE}.
 */
public final class LinkPair {
  private final Endpoint host;
  private final Endpoint target;

  private LinkPair(String name) {
    ByteQueue toTarget = new ByteQueue();
    ByteQueue toHost = new ByteQueue();
    host = new Endpoint(name, toHost, toTarget);
    target = new Endpoint(name + " (target side)", toTarget, toHost);
  }

  /** A new connected pair; {@code name} is what the host end reports as its {@link Link#name()}. */
  public static LinkPair create(String name) {
    return new LinkPair(name);
  }

  /** The end a client (host computer) uses. */
  public Endpoint host() {
    return host;
  }

  /** The end a bootloader (target chip) uses. */
  public Endpoint target() {
    return target;
  }

  /** One end of a {@link LinkPair}. Records the control-line changes made through it. */
  public static final class Endpoint implements Link {
    private final String name;
    private final ByteQueue inbound;
    private final ByteQueue outbound;
    private final List<String> lineEvents = new ArrayList<>();
    private volatile Consumer<String> lineListener = event -> {};
    private volatile boolean closed;

    private Endpoint(String name, ByteQueue inbound, ByteQueue outbound) {
      this.name = name;
      this.inbound = inbound;
      this.outbound = outbound;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      if (closed) {
        throw new LinkException(name, "write on a closed link");
      }
      outbound.put(data, offset, length);
    }

    @Override
    public void read(byte[] buffer, int offset, int length, Duration timeout) {
      long deadline = ByteQueue.deadline(timeout);
      int done = 0;
      try {
        while (done < length) {
          int got = inbound.take(buffer, offset + done, length - done, ByteQueue.remaining(deadline));
          if (got < 0) {
            throw new LinkException(name, "the other end closed the link");
          }
          if (got == 0) {
            throw new LinkTimeoutException(name, length, done, timeout);
          }
          done += got;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LinkException(name, "interrupted while reading", e);
      }
    }

    @Override
    public int available() {
      return inbound.size();
    }

    @Override
    public void drain() {
      inbound.clear();
    }

    @Override
    public void setDtr(boolean asserted) {
      lineEvent(asserted ? "dtr" : "-dtr");
    }

    @Override
    public void setRts(boolean asserted) {
      lineEvent(asserted ? "rts" : "-rts");
    }

    @Override
    public void sendBreak(Duration length) {
      lineEvent("brk");
    }

    /** Called with "dtr", "-dtr", "rts", "-rts" or "brk" whenever the control lines change. */
    public void onLineEvent(Consumer<String> listener) {
      this.lineListener = listener;
    }

    /** Every control-line change made through this end, oldest first. */
    public synchronized List<String> lineEvents() {
      return List.copyOf(lineEvents);
    }

    private synchronized void lineEvent(String event) {
      lineEvents.add(event);
      lineListener.accept(event);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        outbound.close();
        inbound.close();
      }
    }
  }
}
