package org.romflash.flash;

import java.time.Duration;
import org.romflash.link.Link;

/** A link that passes everything to another; tests override the part they want to disturb. */
class ForwardingLink implements Link {
  private final Link delegate;

  ForwardingLink(Link delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    delegate.write(data, offset, length);
  }

  @Override
  public void read(byte[] buffer, int offset, int length, Duration timeout) {
    delegate.read(buffer, offset, length, timeout);
  }

  @Override
  public void drain() {
    delegate.drain();
  }

  @Override
  public void setDtr(boolean asserted) {
    delegate.setDtr(asserted);
  }

  @Override
  public void setRts(boolean asserted) {
    delegate.setRts(asserted);
  }

  @Override
  public void sendBreak(Duration length) {
    delegate.sendBreak(length);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
