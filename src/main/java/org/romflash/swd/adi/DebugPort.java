package org.romflash.swd.adi;

import java.util.ArrayList;
import java.util.List;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.dap.CmsisDap;
import org.romflash.swd.dap.Transfer;
import org.romflash.swd.dap.TransferFailedException;

/**
 * The SW-DP of ADIv5 (ARM IHI 0031): line reset and the JTAG-to-SWD switch, DPIDR, debug and
 * system power-up through CTRL/STAT, AP selection through SELECT (cached), and recovery from
 * sticky errors through ABORT.
 */
public final class DebugPort {
  public static final int DPIDR = 0x0;
  public static final int ABORT = 0x0;
  public static final int CTRL_STAT = 0x4;
  public static final int SELECT = 0x8;
  public static final int RDBUFF = 0xC;

  static final int CDBGPWRUPREQ = 1 << 28;
  static final int CDBGPWRUPACK = 1 << 29;
  static final int CSYSPWRUPREQ = 1 << 30;
  static final int CSYSPWRUPACK = 1 << 31;
  static final int STICKYERR = 1 << 5;
  /** ABORT: clear STICKYCMP, STICKYERR, WDATAERR and STICKYORUN. */
  static final int CLEAR_STICKY = 0x1E;
  private static final long POWER_UP_MILLIS = 100;

  private final CmsisDap dap;
  private final int idcode;
  private int select = -1;

  private DebugPort(CmsisDap dap, int idcode) {
    this.dap = dap;
    this.idcode = idcode;
  }

  /**
   * Switches the probe to SWD at {@code clockHz}, sends line reset, the JTAG-to-SWD sequence and
   * line reset again, reads DPIDR (which ends the reset state), clears sticky errors and powers up
   * the debug and system domains.
   */
  public static DebugPort connect(CmsisDap dap, int clockHz) {
    dap.connectSwd();
    dap.swjClock(clockHz);
    dap.transferConfigure(2, 0x80, 0);
    dap.swdConfigure(0);
    lineReset(dap);
    int idcode;
    try {
      idcode = dap.transfer(List.of(Transfer.readDp(DPIDR)))[0];
    } catch (TransferFailedException e) {
      throw new DebugAccessException("no SW-DP answered on " + dap.name() + " (" + e.ack()
          + " to reading DPIDR): check SWDIO/SWCLK/GND wiring and target power", e);
    }
    DebugPort dp = new DebugPort(dap, idcode);
    dp.powerUp();
    return dp;
  }

  /** At least 50 clocks with SWDIO high, 0xE79E (JTAG-to-SWD), 50 high again, 8 idle low. */
  static void lineReset(CmsisDap dap) {
    byte[] ones = {-1, -1, -1, -1, -1, -1, -1};
    dap.swjSequence(51, ones);
    dap.swjSequence(16, new byte[] {(byte) 0x9E, (byte) 0xE7});
    dap.swjSequence(51, ones);
    dap.swjSequence(8, new byte[] {0});
  }

  public int idcode() {
    return idcode;
  }

  public CmsisDap dap() {
    return dap;
  }

  void powerUp() {
    dap.writeAbort(CLEAR_STICKY);
    write(CTRL_STAT, CDBGPWRUPREQ | CSYSPWRUPREQ);
    long deadline = System.nanoTime() + POWER_UP_MILLIS * 1_000_000L;
    int status;
    do {
      status = read(CTRL_STAT);
      if ((status & (CDBGPWRUPACK | CSYSPWRUPACK)) == (CDBGPWRUPACK | CSYSPWRUPACK)) {
        return;
      }
    } while (System.nanoTime() < deadline);
    throw new DebugAccessException(String.format("the target did not acknowledge debug power-up"
        + " within %d ms (CTRL/STAT 0x%08X): is it powered?", POWER_UP_MILLIS, status));
  }

  public int read(int register) {
    return dap.transfer(List.of(Transfer.readDp(register)))[0];
  }

  public void write(int register, int value) {
    dap.transfer(List.of(Transfer.writeDp(register, value)));
  }

  /**
   * Runs AP accesses on AP {@code apsel} (SELECT written first when it changes); {@code
   * accesses} use full AP register addresses (0x00-0xFC), all in one bank.
   */
  public int[] ap(int apsel, List<ApAccess> accesses) {
    List<Transfer> transfers = new ArrayList<>();
    int bank = accesses.isEmpty() ? 0 : accesses.get(0).register() & 0xF0;
    int wanted = (apsel << 24) | bank;
    if (wanted != select) {
      transfers.add(Transfer.writeDp(SELECT, wanted));
    }
    for (ApAccess a : accesses) {
      transfers.add(a.read() ? Transfer.readAp(a.register()) : Transfer.writeAp(a.register(),
          a.value()));
    }
    try {
      int[] values = dap.transfer(transfers);
      select = wanted;
      return values;
    } catch (TransferFailedException e) {
      select = -1;
      recover();
      throw e;
    }
  }

  /** Clears sticky errors (ABORT), so the next access can go through. */
  public void recover() {
    dap.writeAbort(CLEAR_STICKY);
  }

  /** One AP register access for {@link #ap}. */
  public record ApAccess(boolean read, int register, int value) {
    public static ApAccess read(int register) {
      return new ApAccess(true, register, 0);
    }

    public static ApAccess write(int register, int value) {
      return new ApAccess(false, register, value);
    }
  }
}
