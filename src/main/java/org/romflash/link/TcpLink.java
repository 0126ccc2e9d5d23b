package org.romflash.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw TCP connection to a serial server (ser2net in raw mode, or {@code romflash emulate --tcp}).
 * Bytes pass through unchanged; control lines and BREAK cannot be carried and are ignored.
 */
public final class TcpLink implements Link {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Socket socket;
  private final String name;
  private final InputStream in;
  private final OutputStream out;

  private TcpLink(Socket socket, String name) throws IOException {
    this.socket = socket;
    this.name = name;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code host:port}. */
  public static TcpLink connect(String host, int port) {
    String name = "tcp://" + host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
      return new TcpLink(socket, name);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new LinkException(name, "cannot connect: " + e.getMessage(), e);
    }
  }

  /** Wraps an accepted server-side socket. */
  public static TcpLink wrap(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      return new TcpLink(socket, "tcp://" + socket.getRemoteSocketAddress());
    } catch (IOException e) {
      throw new LinkException(String.valueOf(socket.getRemoteSocketAddress()), e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    try {
      out.write(data, offset, length);
      out.flush();
    } catch (IOException e) {
      throw new LinkException(name, "write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void read(byte[] buffer, int offset, int length, Duration timeout) {
    long deadline = ByteQueue.deadline(timeout);
    int done = 0;
    try {
      while (done < length) {
        long left = ByteQueue.remaining(deadline).toMillis();
        if (left <= 0) {
          throw new LinkTimeoutException(name, length, done, timeout);
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        int got;
        try {
          got = in.read(buffer, offset + done, length - done);
        } catch (SocketTimeoutException e) {
          throw new LinkTimeoutException(name, length, done, timeout);
        }
        if (got < 0) {
          throw new LinkException(name, "the server closed the connection");
        }
        done += got;
      }
    } catch (IOException e) {
      throw new LinkException(name, "read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int available() {
    try {
      return in.available();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void drain() {
    try {
      while (in.available() > 0) {
        in.skip(in.available());
      }
    } catch (IOException e) {
      throw new LinkException(name, "drain failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void setDtr(boolean asserted) {}

  @Override
  public void setRts(boolean asserted) {}

  @Override
  public void sendBreak(Duration length) {}

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is best effort; there is nothing left to do with a socket that fails to close.
    }
  }
}
