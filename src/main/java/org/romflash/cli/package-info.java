/**
 * The command line (picocli): one small class per command, shared option mixins, and {@link
 * org.romflash.cli.Diagnostics}, which turns the library's exceptions into a message, a hint about
 * what to check, and a distinct {@link org.romflash.cli.ExitCode}. Commands wire objects together and
 * print; they hold no protocol logic. {@link org.romflash.cli.Checkup} is {@code romflash doctor}'s
 * logic, kept apart from its printing and tested against emulated chips and fake lines.
 */
package org.romflash.cli;
