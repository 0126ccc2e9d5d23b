package org.romflash.swd.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.romflash.swd.dap.DapException;
import org.romflash.swd.dap.DapTransport;
import org.usb4java.BufferUtils;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;

/**
 * CMSIS-DAP v2: a vendor-specific interface whose string contains "CMSIS-DAP", with a bulk OUT and
 * a bulk IN endpoint carrying one command or response per transfer (CMSIS-DAP specification,
 * "USB device configuration"). Uses usb4java's libusb binding.
 */
final class BulkTransport implements DapTransport {
  private static final int TIMEOUT_MS = 2000;
  private static final int MAX_PACKET = 1024;

  private final Context context;
  private final DeviceHandle handle;
  private final int interfaceNumber;
  private final byte out;
  private final byte in;
  private final String name;

  private BulkTransport(Context context, DeviceHandle handle, int interfaceNumber, byte out,
      byte in, String name) {
    this.context = context;
    this.handle = handle;
    this.interfaceNumber = interfaceNumber;
    this.out = out;
    this.in = in;
    this.name = name;
  }

  /** The v2 probes on USB. */
  static List<UsbProbe> list() {
    List<UsbProbe> found = new ArrayList<>();
    forEachProbe((probe, device, iface) -> found.add(probe));
    return found;
  }

  /** Opens the v2 probe with this serial (any, when null). */
  static BulkTransport open(String serial) {
    BulkTransport[] opened = new BulkTransport[1];
    Context context = new Context();
    check(LibUsb.init(context), "initialise libusb");
    forEachProbe(context, (probe, device, iface) -> {
      if (opened[0] == null && (serial == null || serial.equals(probe.serial()))) {
        opened[0] = claim(context, device, iface, probe);
      }
    });
    if (opened[0] == null) {
      LibUsb.exit(context);
      throw new DapException("no CMSIS-DAP v2 probe" + (serial == null ? "" : " with serial "
          + serial) + " on USB");
    }
    return opened[0];
  }

  private interface ProbeVisitor {
    void visit(UsbProbe probe, Device device, InterfaceDescriptor iface);
  }

  private static void forEachProbe(ProbeVisitor visitor) {
    Context context = new Context();
    check(LibUsb.init(context), "initialise libusb");
    try {
      forEachProbe(context, visitor);
    } finally {
      LibUsb.exit(context);
    }
  }

  private static void forEachProbe(Context context, ProbeVisitor visitor) {
    DeviceList list = new DeviceList();
    check(LibUsb.getDeviceList(context, list), "list USB devices");
    try {
      for (Device device : list) {
        visitDevice(device, visitor);
      }
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
  }

  private static void visitDevice(Device device, ProbeVisitor visitor) {
    DeviceDescriptor descriptor = new DeviceDescriptor();
    if (LibUsb.getDeviceDescriptor(device, descriptor) != LibUsb.SUCCESS) {
      return;
    }
    DeviceHandle handle = new DeviceHandle();
    if (LibUsb.open(device, handle) != LibUsb.SUCCESS) {
      return;
    }
    ConfigDescriptor config = new ConfigDescriptor();
    try {
      if (LibUsb.getActiveConfigDescriptor(device, config) != LibUsb.SUCCESS) {
        return;
      }
      String product = text(handle, descriptor.iProduct());
      String serial = text(handle, descriptor.iSerialNumber());
      for (Interface iface : config.iface()) {
        for (InterfaceDescriptor alt : iface.altsetting()) {
          if (alt.bInterfaceClass() == (byte) 0xFF && text(handle, alt.iInterface())
              .contains("CMSIS-DAP") && bulkPair(alt) != null) {
            visitor.visit(new UsbProbe(descriptor.idVendor() & 0xFFFF,
                descriptor.idProduct() & 0xFFFF, product, serial, 2), device, alt);
          }
        }
      }
    } finally {
      LibUsb.freeConfigDescriptor(config);
      LibUsb.close(handle);
    }
  }

  /** The bulk OUT and IN endpoint addresses, or null. */
  private static byte[] bulkPair(InterfaceDescriptor alt) {
    Byte outEp = null;
    Byte inEp = null;
    for (EndpointDescriptor e : alt.endpoint()) {
      if ((e.bmAttributes() & 0x3) != LibUsb.TRANSFER_TYPE_BULK) {
        continue;
      }
      if ((e.bEndpointAddress() & 0x80) != 0 && inEp == null) {
        inEp = e.bEndpointAddress();
      } else if ((e.bEndpointAddress() & 0x80) == 0 && outEp == null) {
        outEp = e.bEndpointAddress();
      }
    }
    return outEp == null || inEp == null ? null : new byte[] {outEp, inEp};
  }

  private static BulkTransport claim(Context context, Device device, InterfaceDescriptor alt,
      UsbProbe probe) {
    DeviceHandle handle = new DeviceHandle();
    check(LibUsb.open(device, handle), "open " + probe.describe());
    int number = alt.bInterfaceNumber() & 0xFF;
    int claimed = LibUsb.claimInterface(handle, number);
    if (claimed != LibUsb.SUCCESS) {
      LibUsb.close(handle);
      check(claimed, "claim the CMSIS-DAP interface of " + probe.describe()
          + " (another debugger using it?)");
    }
    byte[] endpoints = bulkPair(alt);
    return new BulkTransport(context, handle, number, endpoints[0], endpoints[1],
        probe.describe());
  }

  private static String text(DeviceHandle handle, byte index) {
    if (index == 0) {
      return "";
    }
    String s = LibUsb.getStringDescriptor(handle, index);
    return s == null ? "" : s;
  }

  private static void check(int result, String what) {
    if (result < 0) {
      throw new DapException("cannot " + what + ": " + LibUsb.strError(result));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(byte[] command) {
    ByteBuffer buffer = BufferUtils.allocateByteBuffer(command.length);
    buffer.put(command);
    buffer.rewind();
    IntBuffer done = BufferUtils.allocateIntBuffer();
    check(LibUsb.bulkTransfer(handle, out, buffer, done, TIMEOUT_MS), "send to " + name);
  }

  @Override
  public byte[] receive() {
    ByteBuffer buffer = BufferUtils.allocateByteBuffer(MAX_PACKET);
    IntBuffer done = BufferUtils.allocateIntBuffer();
    check(LibUsb.bulkTransfer(handle, in, buffer, done, TIMEOUT_MS), "receive from " + name);
    byte[] response = new byte[done.get(0)];
    buffer.get(response);
    return response;
  }

  @Override
  public void close() {
    LibUsb.releaseInterface(handle, interfaceNumber);
    LibUsb.close(handle);
    LibUsb.exit(context);
  }
}
