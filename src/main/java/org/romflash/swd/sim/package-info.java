/**
 * A simulated debug target for tests and {@code --probe sim:DEVICE}: a memory bus ({@link
 * org.romflash.swd.sim.SimulatedBus}) with RAM, the Cortex-M debug registers and each flash
 * controller generation modelled register by register (busy flags, programming errors on words
 * that are not erased, write protection, access-size rules), and a CMSIS-DAP probe in front of it
 * that answers packets as a real probe does.
 */
package org.romflash.swd.sim;
