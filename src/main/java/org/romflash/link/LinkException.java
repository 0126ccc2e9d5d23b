package org.romflash.link;

/** The link itself failed: the port could not be opened or configured, or a write or read failed. */
public class LinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String linkName;

  public LinkException(String linkName, String message) {
    super(linkName + ": " + message);
    this.linkName = linkName;
  }

  public LinkException(String linkName, String message, Throwable cause) {
    super(linkName + ": " + message, cause);
    this.linkName = linkName;
  }

  /** The port or link the failure happened on. */
  public String linkName() {
    return linkName;
  }
}
