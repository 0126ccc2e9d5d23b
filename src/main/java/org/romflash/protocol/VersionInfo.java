package org.romflash.protocol;

/**
 * What Get Version (AN3155 3.2) reports: the protocol version and two option bytes, which current
 * bootloaders send as 0x00 for compatibility.
 */
public record VersionInfo(int version, int optionByte1, int optionByte2) {}
