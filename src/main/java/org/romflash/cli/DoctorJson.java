package org.romflash.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** {@code doctor --json}: the probes, the findings by level, the checklist and the exit code. */
final class DoctorJson {
  private DoctorJson() {}

  static String render(String port, CheckupReport report) {
    ObjectNode root = Json.object().put("command", "doctor").put("port", port)
        .put("exit_code", report.exitCode().code());
    report.probes().forEach(root.putArray("probes")::add);
    var findings = root.putArray("findings");
    for (CheckupReport.Finding f : report.findings()) {
      findings.addObject().put("level", f.level().name().toLowerCase(Locale.ROOT))
          .put("exit_code", f.code().code()).put("text", f.text()).put("hint", f.hint());
    }
    report.checklist().forEach(root.putArray("checklist")::add);
    return Json.write(root);
  }
}
