package org.romflash.swd.adi;

import java.util.ArrayList;
import java.util.List;
import org.romflash.swd.DebugAccessException;
import org.romflash.swd.DebugMemory;
import org.romflash.swd.adi.DebugPort.ApAccess;
import org.romflash.swd.dap.TransferFailedException;

/**
 * A MEM-AP (the Cortex-M AHB-AP) as {@link DebugMemory}: CSW written only when the access size
 * changes, TAR per run of accesses, DRW with single auto-increment. Auto-increment is only defined
 * within a 1 KiB block (ADIv5 7.2.2: TAR[9:0]), so every run is cut at 1 KiB boundaries and TAR
 * written again. Half-words and bytes travel on their byte lanes of DRW.
 */
public final class MemAp implements DebugMemory {
  static final int CSW = 0x00;
  static final int TAR = 0x04;
  static final int DRW = 0x0C;
  static final int IDR = 0xFC;
  /** HPROT privileged data access, debug master; single auto-increment. */
  static final int CSW_BASE = 0x2300_0000 | 0x10;
  private static final int BOUNDARY = 1024;

  private final DebugPort dp;
  private final int apsel;
  private int csw = -1;

  public MemAp(DebugPort dp, int apsel) {
    this.dp = dp;
    this.apsel = apsel;
  }

  /** The AP's identification register. */
  public int idr() {
    return dp.ap(apsel, List.of(ApAccess.read(IDR)))[0];
  }

  @Override
  public int read32(long address) {
    return single(address, 4, true, 0);
  }

  @Override
  public void write32(long address, int value) {
    single(address, 4, false, value);
  }

  @Override
  public int read16(long address) {
    return (single(address, 2, true, 0) >>> lane(address)) & 0xFFFF;
  }

  @Override
  public void write16(long address, int value) {
    single(address, 2, false, (value & 0xFFFF) << lane(address));
  }

  @Override
  public int read8(long address) {
    return (single(address, 1, true, 0) >>> lane(address)) & 0xFF;
  }

  @Override
  public void write8(long address, int value) {
    single(address, 1, false, (value & 0xFF) << lane(address));
  }

  @Override
  public byte[] read(long address, int length) {
    byte[] out = new byte[length];
    int i = 0;
    while (i < length && ((address + i) % 4 != 0 || length - i < 4)) {
      out[i] = (byte) read8(address + i);
      i++;
    }
    while (length - i >= 4) {
      long at = address + i;
      int words = (int) Math.min((length - i) / 4, (BOUNDARY - at % BOUNDARY) / 4);
      int[] values = guarded(at, () -> {
        setup(4, at);
        return dp.dap().readBlock(true, DRW, words);
      });
      for (int w = 0; w < words; w++) {
        for (int b = 0; b < 4; b++) {
          out[i + 4 * w + b] = (byte) (values[w] >>> (8 * b));
        }
      }
      i += 4 * words;
    }
    for (; i < length; i++) {
      out[i] = (byte) read8(address + i);
    }
    return out;
  }

  @Override
  public void write(long address, byte[] data, int accessBytes) {
    if (address % accessBytes != 0 || data.length % accessBytes != 0) {
      throw new IllegalArgumentException(String.format("%d bytes at 0x%08X are not whole"
          + " %d-byte accesses", data.length, address, accessBytes));
    }
    int i = 0;
    while (i < data.length) {
      long at = address + i;
      int bytes = (int) Math.min(data.length - i, BOUNDARY - at % BOUNDARY);
      int[] values = new int[bytes / accessBytes];
      for (int v = 0; v < values.length; v++) {
        int value = 0;
        for (int b = accessBytes - 1; b >= 0; b--) {
          value = (value << 8) | (data[i + v * accessBytes + b] & 0xFF);
        }
        values[v] = value << lane(at + (long) v * accessBytes);
      }
      guarded(at, () -> {
        setup(accessBytes, at);
        dp.dap().writeBlock(true, DRW, values);
        return null;
      });
      i += bytes;
    }
  }

  private int single(long address, int size, boolean read, int value) {
    return guarded(address, () -> {
      List<ApAccess> accesses = new ArrayList<>(cswAccess(size));
      accesses.add(ApAccess.write(TAR, (int) address));
      accesses.add(read ? ApAccess.read(DRW) : ApAccess.write(DRW, value));
      int[] values = dp.ap(apsel, accesses);
      return read ? values[0] : 0;
    });
  }

  /** CSW (if the size changed) and TAR, so that DRW accesses follow. */
  private void setup(int size, long address) {
    List<ApAccess> accesses = new ArrayList<>(cswAccess(size));
    accesses.add(ApAccess.write(TAR, (int) address));
    dp.ap(apsel, accesses);
  }

  private List<ApAccess> cswAccess(int size) {
    int wanted = CSW_BASE | (size == 4 ? 2 : size == 2 ? 1 : 0);
    if (wanted == csw) {
      return List.of();
    }
    csw = wanted;
    return List.of(ApAccess.write(CSW, wanted));
  }

  private static int lane(long address) {
    return 8 * (int) (address & 3);
  }

  private <T> T guarded(long address, java.util.function.Supplier<T> access) {
    try {
      return access.get();
    } catch (TransferFailedException e) {
      csw = -1;
      throw new DebugAccessException(String.format("debug access at 0x%08X failed: the target"
          + " answered %s (a bus fault: nothing there, or its clock is off)", address, e.ack()), e);
    }
  }

  private int guarded(long address, java.util.function.IntSupplier access) {
    return guarded(address, () -> Integer.valueOf(access.getAsInt()));
  }
}
