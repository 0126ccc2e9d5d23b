package org.romflash.cli;

import org.romflash.device.Device;
import org.romflash.factory.Connection;
import org.romflash.flash.BootloaderTarget;

/** A {@link Session} as a gang station's worker sees it, with what to do after a verified write. */
final class SessionConnection implements Connection {
  private final Session session;
  private final GangFinishOptions finish;

  SessionConnection(Session session, GangFinishOptions finish) {
    this.session = session;
    this.finish = finish;
  }

  @Override
  public Device device() {
    return session.device();
  }

  @Override
  public int pid() {
    return session.pid();
  }

  @Override
  public String bootloaderVersion() {
    return session.info().versionText();
  }

  @Override
  public BootloaderTarget target() {
    return session.target();
  }

  @Override
  public void finish() {
    finish.run(session);
    session.runExitSequence();
  }

  @Override
  public void close() {
    session.close();
  }
}
