package org.romflash.protocol;

/**
 * What Special (0x50) or Extended Special (0x51) returned (AN3155 3.14, 3.15). Extended Special
 * returns no status packet; its {@link #status()} is empty.
 */
public record SpecialReply(byte[] data, byte[] status) {

  public SpecialReply {
    data = data.clone();
    status = status.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public byte[] status() {
    return status.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpecialReply that
        && java.util.Arrays.equals(data, that.data)
        && java.util.Arrays.equals(status, that.status);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(data) + java.util.Arrays.hashCode(status);
  }

  @Override
  public String toString() {
    return "SpecialReply[data=" + java.util.HexFormat.of().formatHex(data) + ", status="
        + java.util.HexFormat.of().formatHex(status) + "]";
  }
}
