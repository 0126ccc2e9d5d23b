/**
 * stm32flash 0.7's command line, understood by romflash: {@link
 * org.romflash.cli.stm32flash.Stm32flashArguments} reads an argument list with stm32flash's rules
 * (short options, clustered flags, an option's value attached or separate, the device as the one
 * operand) and refuses what stm32flash refuses, plus what it silently ignores; {@link
 * org.romflash.cli.stm32flash.Ranges} turns the address options into the range to read, check or
 * erase on a given device. Both are pure: the {@code romflash stm32flash} command runs the result
 * with romflash's own library.
 */
package org.romflash.cli.stm32flash;
