package org.romflash.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;

/** {@code romflash devices --json}: the entries as JSON, addresses as numbers, for scripts. */
final class DeviceJson {
  private DeviceJson() {}

  static String render(List<Device> devices) {
    ArrayNode array = Json.array();
    devices.forEach(d -> array.add(entry(d)));
    return Json.write(array);
  }

  private static ObjectNode entry(Device d) {
    ObjectNode e = Json.object();
    e.put("pid", d.pid());
    e.put("name", d.name());
    e.put("family", d.family());
    e.put("title", d.title());
    d.parts().forEach(e.putArray("parts")::add);
    ObjectNode bl = e.putObject("bootloader");
    bl.put("version", d.bootloader().version());
    d.bootloader().commands().forEach(bl.putArray("commands")::add);
    bl.set("reserved_ram", region(d.bootloader().reservedRam()));
    d.bootloader().id().ifPresent(id -> bl.put("id", id).put("id_address",
        d.bootloader().idAddress()));
    ObjectNode flash = e.putObject("flash");
    flash.put("base", d.flash().base()).put("size", d.flash().size())
        .put("program_word", d.programWord()).put("erased", d.erasedValue())
        .put("rewrite", d.rewrite().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .put("size_register", d.flashSizeRegister());
    ArrayNode units = flash.putArray("units");
    for (EraseUnit u : d.flash().units()) {
      units.addObject().put("number", u.number()).put("address", u.address())
          .put("size", u.size()).put("bank", u.bank());
    }
    ArrayNode ram = e.putArray("ram");
    d.ramRegions().forEach(r -> ram.add(region(r)));
    e.set("system_memory", region(d.systemMemory()));
    ObjectNode options = e.putObject("option_bytes");
    options.set("range", region(d.optionBytes()));
    options.put("boot_by_pins_only", d.options().bootByPinsOnly());
    ObjectNode fields = options.putObject("fields");
    d.options().fields().forEach(f -> fields.putObject(f.name()).put("address", f.address())
        .put("high_bit", f.highBit()).put("low_bit", f.lowBit()));
    d.eeprom().ifPresent(r -> e.set("eeprom", region(r)));
    d.otp().ifPresent(r -> e.set("otp", region(r)));
    e.put("uid", d.uidAddress());
    ArrayNode quirks = e.putArray("quirks");
    d.quirks().stream().map(q -> q.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted()
        .forEach(quirks::add);
    e.put("source", d.source().replaceAll("\\s+", " "));
    return e;
  }

  private static ObjectNode region(MemoryRegion r) {
    return Json.object().put("start", r.start()).put("size", r.size());
  }
}
