package org.romflash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help} against a golden file in {@code src/test/resources/help/}. After a
 * deliberate change, regenerate them with {@code mvn test -Dtest=HelpGoldenTest
 * -Dromflash.updateGolden=true} and review the diff.
 */
class HelpGoldenTest {
  private static final Path DIR = Path.of(System.getProperty("romflash.projectDir", "."), "src",
      "test", "resources", "help");

  /** Every command line that has a --help: "romflash", "romflash write", "romflash option-bytes set"... */
  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())), names);
    return names.stream();
  }

  private static void collect(CommandLine line, List<String> names) {
    names.add(line.getCommandSpec().qualifiedName());
    line.getSubcommands().values().stream()
        .filter(sub -> sub.getCommandSpec().mixinStandardHelpOptions())
        .forEach(sub -> collect(sub, names));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpMatchesItsGoldenFile(String command) throws IOException {
    List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1,
        command.split(" ").length));
    args.add("--help");
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), cli.toString());
    Path golden = DIR.resolve(command.replace(' ', '_') + ".txt");
    if (Boolean.getBoolean("romflash.updateGolden")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, cli.out(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), cli.out(), golden.toString());
  }

  @Test
  void everyGoldenFileBelongsToACommand() throws IOException {
    List<String> expected = commands().map(c -> c.replace(' ', '_') + ".txt").sorted().toList();
    try (Stream<Path> files = Files.list(DIR)) {
      assertEquals(expected, files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void theManPageHasASectionForEveryCommand() {
    Cli cli = Cli.run("man");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().startsWith(".TH ROMFLASH 1 "), cli.out());
    commands().filter(c -> !c.equals("romflash")).forEach(c ->
        assertTrue(cli.out().contains("\n.SS " + c.replace("-", "\\-") + "\n"), c));
    assertTrue(cli.out().contains(".SH EXIT STATUS\n"), cli.out());
  }

  @Test
  void bashCompletionKnowsTheCommands() {
    Cli cli = Cli.run("generate-completion");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("romflash"), cli.out());
    assertTrue(cli.out().contains("option-bytes"), "subcommands are completed");
  }
}
