/**
 * USB transports for CMSIS-DAP probes: v2 over bulk endpoints (usb4java) and v1 over HID reports
 * (hid4java). These are the only classes that touch the USB libraries, which are optional: they
 * are loaded when a USB probe is opened or listed, and their absence is reported as such.
 */
package org.romflash.swd.usb;
