package org.romflash.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * {@code --json}: one JSON object per command on standard output, for scripts. It always has
 * {@code command}, {@code port}, {@code outcome} ("ok" or "error"), {@code exit_code} and
 * {@code duration_ms}; {@code device} once the chip is identified; {@code error} and {@code hint}
 * on failure; and what the command did under {@code result}. Addresses are numbers.
 */
final class JsonResult {
  private final ObjectNode root = Json.object();
  private final ObjectNode result = Json.object();
  private final long started = System.nanoTime();

  JsonResult(String command, String port) {
    root.put("command", command).put("port", port);
  }

  /** The command's own facts; commands add to it as they go. */
  ObjectNode result() {
    return result;
  }

  /** A warning the text output would have printed on stderr. */
  void warning(String text) {
    root.withArray("warnings").add(text);
  }

  void device(Session session) {
    if (session.identified()) {
      root.putObject("device").put("name", session.device().name())
          .put("pid", session.pid()).put("family", session.device().family())
          .put("flash_size", session.device().flash().size());
    } else {
      root.putObject("device").putNull("name").put("pid", session.pid());
    }
  }

  String ok() {
    return finish("ok", ExitCode.OK, null);
  }

  String failed(Diagnostics.Diagnosis diagnosis) {
    return finish("error", diagnosis.exitCode(), diagnosis);
  }

  private String finish(String outcome, ExitCode code, Diagnostics.Diagnosis diagnosis) {
    root.put("outcome", outcome).put("exit_code", code.code())
        .put("duration_ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    if (diagnosis != null) {
      root.put("error", diagnosis.message()).put("hint", diagnosis.hint());
    }
    root.set("result", result);
    return Json.write(root);
  }
}
