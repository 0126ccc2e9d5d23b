package org.romflash.cli;

import java.util.HexFormat;
import org.romflash.protocol.SpecialReply;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * {@code romflash special OPCODE [DATA]}: the product-specific Special command (0x50, AN3155 3.14),
 * or Extended Special (0x51) with {@code --extended}, for the sub-opcodes ST documents per product.
 */
@CommandLine.Command(name = "special", mixinStandardHelpOptions = true,
    description = {"Send a product-specific Special (0x50) command: a 16-bit OPCODE and up to 128"
        + " bytes of DATA in hex, and print what the chip answers.",
        "Sub-opcodes differ per product (see AN2606/AN3155 for your chip); an unknown one is"
            + " refused by the chip (exit 4)."})
final class SpecialCommand extends SessionCommand {
  @Parameters(index = "0", paramLabel = "OPCODE", converter = Numbers.class,
      description = "Sub-opcode, e.g. 0x0102.")
  long opcode;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DATA",
      description = "Data bytes as hex, e.g. 0A0B0C (default: none).")
  String data;

  @Override
  ExitCode run(Session session) {
    if (opcode > 0xFFFF) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.format(
          "OPCODE 0x%X does not fit 16 bits", opcode));
    }
    byte[] bytes;
    try {
      bytes = data == null ? new byte[0] : HexFormat.of().parseHex(data);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "DATA '" + data
          + "' is not an even number of hex digits");
    }
    if (bytes.length > 128) {
      throw new CommandLine.ParameterException(spec.commandLine(), "DATA is " + bytes.length
          + " bytes; a Special command carries at most 128");
    }
    SpecialReply reply = session.client().special((int) opcode, bytes);
    say("data:   " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(reply.data()));
    say("status: " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(reply.status()));
    return ExitCode.OK;
  }
}
