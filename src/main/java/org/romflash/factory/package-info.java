/**
 * Factory programming: many boards at once, one worker per port ({@link org.romflash.factory.Gang}),
 * a journal with one JSON line per unit ({@link org.romflash.factory.Journal}), and serial numbers
 * that are unique, written with the image and never issued twice ({@link
 * org.romflash.factory.SerialNumbers}). What sits behind a port is a {@link
 * org.romflash.factory.Fixture}: the command line opens real ports and emulated chips through it,
 * so this package neither opens ports nor prints.
 */
package org.romflash.factory;
