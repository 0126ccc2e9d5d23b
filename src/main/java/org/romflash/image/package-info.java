/**
 * Firmware images as the chip will hold them: {@link org.romflash.image.FirmwareImage} is a sorted
 * list of non-overlapping segments at their real addresses; gaps stay gaps and are never filled.
 * {@link org.romflash.image.ImageFiles} reads Intel HEX, Motorola S-records, ELF32 ARM executables
 * (loadable segments at their load addresses) and raw binary at a base address, choosing the
 * {@link org.romflash.image.ImageFormat} from the content unless told, and reports malformed input
 * with the file, the line (or program header) and the fault. It writes HEX, S-records and binary
 * through a temporary file, choosing the format from the extension unless told.
 */
package org.romflash.image;
