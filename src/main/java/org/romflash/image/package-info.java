/**
 * Firmware images as the chip will hold them: {@link org.romflash.image.FirmwareImage} is a sorted
 * list of non-overlapping segments at their real addresses; gaps stay gaps and are never filled.
 * Readers turn files (Intel HEX, raw binary at a base address) into images and report malformed
 * input with the file, line and fault.
 */
package org.romflash.image;
