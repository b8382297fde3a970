package dev.b2bsdk.it.contract.selftest.good;

/** The self-test spec's Thing, as a generator would write it. */
public class Thing {
  public Long id;
  public String name;
}
