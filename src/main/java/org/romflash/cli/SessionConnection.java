package org.romflash.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.romflash.device.Device;
import org.romflash.factory.Connection;
import org.romflash.flash.BootloaderTarget;
import org.romflash.link.Link;

/** A {@link Session} as a gang station's worker sees it, with what to do after a verified write. */
final class SessionConnection implements Connection {
  private final Session session;
  private final GangFinishOptions finish;
  private final List<String> warnings;

  private SessionConnection(Session session, GangFinishOptions finish, List<String> warnings) {
    this.session = session;
    this.finish = finish;
    this.warnings = warnings;
  }

  /**
   * A session on {@code link} (owned by the fixture); its warnings are kept for the journal and
   * passed to {@code shown}.
   */
  static SessionConnection on(LinkOptions options, Link link, GangFinishOptions finish,
      Consumer<String> shown) {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Session session = Session.on(options, link, w -> {
      warnings.add(w);
      shown.accept(w);
    });
    return new SessionConnection(session, finish, warnings);
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
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
