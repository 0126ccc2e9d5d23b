package org.romflash.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.romflash.factory.Connection;
import org.romflash.factory.Fixture;
import org.romflash.link.Link;
import org.romflash.link.LinkException;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.SyncAnswer;
import org.romflash.protocol.Timeouts;

/**
 * A serial port (or TCP serial server) of a gang station. The port is opened when first needed
 * and kept open while boards come and go, so its control lines are not toggled by reopening; a
 * port that fails (a USB adapter pulled out) is closed and opened again on the next poll.
 */
final class PortFixture implements Fixture {
  private final LinkOptions options;
  private final String port;
  private final GangFinishOptions finish;
  private final Consumer<String> warnings;
  private Session.Port opened;

  PortFixture(LinkOptions options, String port, GangFinishOptions finish,
      Consumer<String> warnings) {
    this.options = options;
    this.port = port;
    this.finish = finish;
    this.warnings = warnings;
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public Connection connect() {
    try {
      return SessionConnection.on(options, link(), finish, warnings);
    } catch (LinkException e) {
      closePort();
      throw e;
    }
  }

  @Override
  public boolean boardPresent(Duration window) {
    try {
      SyncAnswer answer = new BootloaderClient(link(), Timeouts.forBaud(options.baud))
          .probe(window);
      return answer instanceof SyncAnswer.Ack || answer instanceof SyncAnswer.Nack;
    } catch (LinkException e) {
      closePort();
      return false;
    }
  }

  private Link link() {
    if (opened == null) {
      Session.Port port = Session.openPort(options, this.port, options.baud, options.parity,
          warnings);
      if (options.log != null) {
        port = port.logged(logFile());
      }
      opened = port;
    }
    return opened.link();
  }

  /** One transcript per port: FILE.ttyUSB0 for --log FILE. */
  private Path logFile() {
    String suffix = port.replaceAll("^.*/", "").replaceAll("[^A-Za-z0-9_.#-]", "_");
    return options.log.resolveSibling(options.log.getFileName() + "." + suffix);
  }

  private void closePort() {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }

  @Override
  public void close() {
    closePort();
  }
}
