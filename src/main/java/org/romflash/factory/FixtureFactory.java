package org.romflash.factory;

/** Opens the {@link Fixture} behind a port name. */
@FunctionalInterface
public interface FixtureFactory {
  Fixture open(String port);
}
