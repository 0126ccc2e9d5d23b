package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --json}: one parseable object per command, on success and on failure. */
class JsonOutputTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("romflash.projectDir", "."),
      "examples", "blink-f103", "blink-f103.hex");

  private static JsonNode json(Cli cli) throws Exception {
    return new ObjectMapper().readTree(cli.out());
  }

  @Test
  void writeReportsWhatItDidAndNothingElseOnStdout() throws Exception {
    Cli cli = Cli.run("write", EXAMPLE.toString(), "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode result = json(cli);
    assertEquals("write", result.get("command").asText());
    assertEquals("ok", result.get("outcome").asText());
    assertEquals(0, result.get("exit_code").asInt());
    assertEquals(0x410, result.get("device").get("pid").asInt());
    assertEquals(68, result.get("result").get("bytes").asInt());
    assertEquals(1, result.get("result").get("units_erased").asInt());
    assertEquals("readback", result.get("result").get("verified_by").asText());
    assertEquals("", cli.err(), "no progress or notes with --json");
  }

  @Test
  void infoGivesItsFactsAsFields() throws Exception {
    Cli cli = Cli.run("info", "--port", "sim:G071xB", "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode result = json(cli).get("result");
    assertEquals("0x460", result.get("product_id").asText());
    assertEquals("inactive (level 0)", result.get("read_protection").asText());
    assertTrue(result.get("unique_id").asText().startsWith("30303030-"), result.toString());
  }

  @Test
  void aFailureIsStillOneJsonObjectWithTheErrorAndExitCode() throws Exception {
    Cli cli = Cli.run("info", "--sim-rdp", "2", "--json", "--retries", "1");
    assertEquals(3, cli.exitCode(), cli.toString());
    JsonNode result = json(cli);
    assertEquals("error", result.get("outcome").asText());
    assertEquals(3, result.get("exit_code").asInt());
    assertTrue(result.get("error").asText().startsWith("no reply to 0x7F"), result.toString());
    assertTrue(result.get("hint").asText().contains("BOOT0"), result.toString());
    assertTrue(cli.err().startsWith("error: no reply to 0x7F"), cli.err());
  }

  @Test
  void warningsGoIntoTheObject() throws Exception {
    Cli cli = Cli.run("erase", "--units", "0", "--sim-rdp", "1", "--json");
    JsonNode result = json(cli);
    assertEquals("error", result.get("outcome").asText());
    assertEquals("the flash-size register cannot be read (read protection?); assuming the entry's"
        + " 128 KiB", result.get("warnings").get(0).asText());
  }

  @Test
  void doctorGivesItsFindingsAndChecklistAsJson() throws Exception {
    Cli cli = Cli.run("doctor", "--sim-rdp", "2", "--json");
    assertEquals(3, cli.exitCode(), cli.toString());
    JsonNode result = json(cli);
    assertEquals(3, result.get("exit_code").asInt());
    assertEquals("nothing answered 0x7F", result.get("findings").get(0).get("text").asText());
    assertTrue(result.get("checklist").get(0).asText().startsWith("BOOT0 high"), cli.out());
  }
}
