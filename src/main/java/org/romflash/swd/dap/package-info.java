/**
 * Our own CMSIS-DAP driver: the command codec (DAP_Info, Connect, SWJ clock and sequences,
 * TransferConfigure, Transfer, TransferBlock, ResetTarget), batching within the probe's packet size
 * and count, over a {@link org.romflash.swd.dap.DapTransport}: USB bulk (CMSIS-DAP v2) or HID (v1),
 * whose libraries are loaded only when such a probe is opened, or the simulated probe.
 */
package org.romflash.swd.dap;
