package org.romflash.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.romflash.device.Device;
import org.romflash.device.DeviceDatabase;
import org.romflash.emulator.Emulator;
import org.romflash.link.Link;
import org.romflash.link.LinkTimeoutException;
import org.romflash.protocol.BootloaderClient;
import org.romflash.protocol.NackException;
import org.romflash.protocol.Stage;
import org.romflash.protocol.Timeouts;

/** Retries through the bootloader: what counts as done, and when to stop trying. */
class BootloaderTargetTest {
  private static final Device F103 = DeviceDatabase.bundled().byName("F103xB").orElseThrow();
  private static final Timeouts FAST = Timeouts.forBaud(115200).withReply(Duration.ofMillis(150));

  @Test
  void aWriteWhoseAckWasLostCountsAsDoneWhenTheChipHoldsTheBlock() {
    try (Emulator.Simulation sim = Emulator.simulate(F103, Emulator.Options.defaults())) {
      BootloaderClient client = new BootloaderClient(new LosesTheReplyToTheFirstDataFrame(
          sim.hostLink()), FAST);
      client.connect();
      byte[] block = new byte[256];
      new Random(1).nextBytes(block);
      // Two attempts: the first loses its ACK, the second is NACKed (F1 flash cannot be
      // programmed twice) and must then find the block already there.
      new BootloaderTarget(client, F103, 2).write(0x08000000L, block);
      assertArrayEquals(block, sim.chip().peek(0x08000000L, 256).orElseThrow());
    }
  }

  @Test
  void aCommandRefusedOutrightIsTriedTwiceNotForEveryRetry() {
    try (Emulator.Simulation sim = Emulator.simulate(F103, Emulator.Options.defaults())) {
      sim.chip().setReadProtectionLevel(1);
      CountingLink counting = new CountingLink(sim.hostLink());
      BootloaderClient client = new BootloaderClient(counting, FAST);
      client.connect();
      int before = counting.writes;
      NackException refused = assertThrows(NackException.class,
          () -> new BootloaderTarget(client, F103, 6).write(0x08000000L, new byte[4]));
      assertEquals(Stage.COMMAND, refused.stage());
      long writeCommands = counting.commandsSince(before, (byte) 0x31);
      assertEquals(2, writeCommands);
    }
  }

  @Test
  void oneRefusedCommandAfterAFailedDataFrameIsRetriedNotTakenForProtection() {
    try (Emulator.Simulation sim = Emulator.simulate(F103, Emulator.Options.defaults())) {
      BootloaderClient client = new BootloaderClient(new NacksTheDataFrameThenTheNextCommand(
          sim.hostLink()), FAST);
      client.connect();
      client.sendAhead(false);
      byte[] block = new byte[256];
      new Random(2).nextBytes(block);
      new BootloaderTarget(client, F103, 4).write(0x08000000L, block);
      assertArrayEquals(block, sim.chip().peek(0x08000000L, 256).orElseThrow());
    }
  }

  /**
   * Turns into NACK the chip's ACK of the first data frame (the chip did program it) and then its
   * ACK of the next Write Memory command: a noisy line, not read protection.
   */
  private static final class NacksTheDataFrameThenTheNextCommand extends ForwardingLink {
    private int stage;
    private boolean armed;

    NacksTheDataFrameThenTheNextCommand(Link delegate) {
      super(delegate);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      super.write(data, offset, length);
      boolean writeCommand = length == 2 && data[offset] == 0x31;
      if ((stage == 0 && length > 200) || (stage == 1 && writeCommand)) {
        armed = true;
        stage++;
      }
    }

    @Override
    public void read(byte[] buffer, int offset, int length, Duration timeout) {
      super.read(buffer, offset, length, timeout);
      if (armed) {
        armed = false;
        buffer[offset] = 0x1F;
      }
    }
  }

  /** Passes bytes through, but swallows the reply to the first large frame the host sends. */
  private static final class LosesTheReplyToTheFirstDataFrame extends ForwardingLink {
    private boolean armed;
    private boolean fired;

    LosesTheReplyToTheFirstDataFrame(Link delegate) {
      super(delegate);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      super.write(data, offset, length);
      if (length > 200 && !fired) {
        armed = true;
        fired = true;
      }
    }

    @Override
    public void read(byte[] buffer, int offset, int length, Duration timeout) {
      if (armed) {
        armed = false;
        super.read(new byte[1], 0, 1, timeout);
        throw new LinkTimeoutException(name(), length, 0, timeout);
      }
      super.read(buffer, offset, length, timeout);
    }
  }

  /** Records every frame (or burst of frames) the host writes. */
  private static final class CountingLink extends ForwardingLink {
    private final java.util.List<byte[]> frames = new java.util.ArrayList<>();
    private int writes;

    CountingLink(Link delegate) {
      super(delegate);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      frames.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
      writes++;
      super.write(data, offset, length);
    }

    long commandsSince(int from, byte code) {
      return frames.subList(from, frames.size()).stream()
          .filter(f -> f.length >= 2 && f[0] == code && f[1] == (byte) ~code)
          .count();
    }
  }
}
