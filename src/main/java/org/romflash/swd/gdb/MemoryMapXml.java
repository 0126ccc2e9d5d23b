package org.romflash.swd.gdb;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.romflash.device.Device;
import org.romflash.device.EraseUnit;
import org.romflash.device.MemoryRegion;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes the memory-map XML of qXfer:memory-map:read (GDB manual, "Memory Map Format"):
 *
 * <pre>
 * &lt;memory-map&gt;
 *   &lt;memory type="ram" start="0x20000000" length="0x20000"/&gt;
 *   &lt;memory type="flash" start="0x8000000" length="0x10000"&gt;
 *     &lt;property name="blocksize"&gt;0x4000&lt;/property&gt;
 *   &lt;/memory&gt;
 * &lt;/memory-map&gt;
 * </pre>
 *
 * A flash region has one block size, so a sector table of unequal sizes (16, 16, 16, 16, 64, 128
 * KiB... on STM32F4) takes one element per run of equal sectors.
 */
final class MemoryMapXml {
  private static final String DOCTYPE = "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB"
      + " Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">";

  private MemoryMapXml() {}

  /**
   * Parses a memory map. The DTD is not fetched: servers name it by URL and a flash tool must not
   * need the network.
   *
   * @throws IllegalArgumentException naming what is wrong when the XML is not a memory map
   */
  static MemoryMap parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
      if (!root.getTagName().equals("memory-map")) {
        throw new IllegalArgumentException("root element is <" + root.getTagName()
            + ">, not <memory-map>");
      }
      List<MemoryMap.Region> regions = new ArrayList<>();
      NodeList memories = root.getElementsByTagName("memory");
      for (int i = 0; i < memories.getLength(); i++) {
        regions.add(region((Element) memories.item(i)));
      }
      return new MemoryMap(regions);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a memory map: " + e.getMessage(), e);
    }
  }

  private static MemoryMap.Region region(Element memory) {
    MemoryMap.Type type = MemoryMap.Type.valueOf(memory.getAttribute("type")
        .toUpperCase(Locale.ROOT));
    long start = number(memory.getAttribute("start"));
    long length = number(memory.getAttribute("length"));
    long blockSize = 0;
    NodeList properties = memory.getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals("blocksize")) {
        blockSize = number(property.getTextContent().trim());
      }
    }
    return new MemoryMap.Region(type, start, length, blockSize);
  }

  /** "0x8000000" or "134217728", as the DTD allows either. */
  private static long number(String text) {
    return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16)
        : Long.parseLong(text);
  }

  /** The map of a device: its RAM blocks, then its flash as runs of equal erase units. */
  static String of(Device device) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n").append(DOCTYPE)
        .append("\n<memory-map>\n");
    for (MemoryRegion ram : device.ramRegions()) {
      xml.append(String.format("  <memory type=\"ram\" start=\"0x%x\" length=\"0x%x\"/>\n",
          ram.start(), ram.size()));
    }
    List<EraseUnit> units = device.flash().units();
    int i = 0;
    while (i < units.size()) {
      EraseUnit first = units.get(i);
      long end = first.end();
      int j = i + 1;
      while (j < units.size() && units.get(j).size() == first.size()
          && units.get(j).address() == end) {
        end = units.get(j++).end();
      }
      xml.append(String.format("  <memory type=\"flash\" start=\"0x%x\" length=\"0x%x\">\n"
          + "    <property name=\"blocksize\">0x%x</property>\n  </memory>\n",
          first.address(), end - first.address(), first.size()));
      i = j;
    }
    return xml.append("</memory-map>\n").toString();
  }
}
