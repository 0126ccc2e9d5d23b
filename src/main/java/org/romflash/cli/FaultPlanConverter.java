package org.romflash.cli;

import org.romflash.emulator.FaultPlan;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns a fault specification into a {@link FaultPlan}, or into a usage error naming the part. */
final class FaultPlanConverter implements ITypeConverter<FaultPlan> {
  @Override
  public FaultPlan convert(String value) {
    try {
      return FaultPlan.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
