package dev.triage.adapters.out.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a host name leads: the one place webhook delivery resolves names, so what the guard checked
 * is what the sender connects to (tests stand in a resolver that answers differently each time).
 */
@FunctionalInterface
public interface HostResolver {

  /** The system's resolver. */
  HostResolver SYSTEM = InetAddress::getAllByName;

  /** Every address {@code host} (a name or a literal, without brackets) resolves to now. */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
