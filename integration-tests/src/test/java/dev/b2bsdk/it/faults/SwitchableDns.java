package dev.b2bsdk.it.faults;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves {@code localhost} to {@code 127.0.0.1}, where the mocks listen, until
 * {@link #refuseConnections()}: then to {@code 127.0.0.2}, a loopback address where nothing
 * listens, so every new connection is refused by the kernel: a genuine connect failure, before
 * a byte of the request is written.
 */
final class SwitchableDns implements Dns {

  private volatile boolean refuse;

  void refuseConnections() {
    refuse = true;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    if (!"localhost".equals(hostname)) {
      throw new UnknownHostException(hostname + " (the fault matrix resolves localhost only)");
    }
    byte last = (byte) (refuse ? 2 : 1);
    return List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, last}));
  }
}
