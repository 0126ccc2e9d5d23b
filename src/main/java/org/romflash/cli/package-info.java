/**
 * The command line (picocli): one small class per command, shared option mixins, and {@link
 * org.romflash.cli.Diagnostics}, which turns the library's exceptions into a message, a hint about
 * what to check, and a distinct {@link org.romflash.cli.ExitCode}. Commands wire objects together and
 * print; they hold no protocol logic.
 */
package org.romflash.cli;
