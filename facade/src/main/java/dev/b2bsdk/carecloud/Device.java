package dev.b2bsdk.carecloud;

import java.util.Objects;

/**
 * The installation a {@link CareCloudCustomerClient} speaks for. Immutable.
 *
 * <p>{@code id} must be stable per installation (generate it once, e.g. a random UUID, and keep
 * it with the app's data) and unique across installations: CareCloud issues one token per device
 * and application, and creating a token for a device id invalidates the token issued before for
 * the same id. Two installations sharing an id would log each other out.
 *
 * <pre>{@code
 * Device device = Device.builder()
 *     .id(installationId).system("Android 14").name("Pixel 8").type("phone")
 *     .build();
 * }</pre>
 */
public final class Device {

  private final String id;
  private final String system;
  private final String name;
  private final String type;

  private Device(Builder b) {
    this.id = require(b.id, "device id");
    this.system = require(b.system, "device system");
    this.name = require(b.name, "device name");
    this.type = require(b.type, "device type");
  }

  /** A builder; every field is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code device_id}: stable per installation. */
  public String id() {
    return id;
  }

  /** {@code device_system}, e.g. {@code Android 14}, {@code iOS 17}, {@code Web}. */
  public String system() {
    return system;
  }

  /** {@code device_name}, e.g. the model. */
  public String name() {
    return name;
  }

  /** {@code device_type}, e.g. {@code phone}, {@code tablet}, {@code browser}. */
  public String type() {
    return type;
  }

  dev.b2bsdk.generated.carecloud.model.Device toModel() {
    return new dev.b2bsdk.generated.carecloud.model.Device()
        .deviceId(id).deviceSystem(system).deviceName(name).deviceType(type);
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Device)) {
      return false;
    }
    Device d = (Device) o;
    return id.equals(d.id) && system.equals(d.system) && name.equals(d.name) && type.equals(d.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, system, name, type);
  }

  @Override
  public String toString() {
    return "Device{id=" + id + ", system=" + system + ", name=" + name + ", type=" + type + '}';
  }

  /** Builds a {@link Device}. */
  public static final class Builder {
    private String id;
    private String system;
    private String name;
    private String type;

    private Builder() {
    }

    /** {@code device_id}: stable per installation, unique across installations. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** {@code device_system}. */
    public Builder system(String system) {
      this.system = system;
      return this;
    }

    /** {@code device_name}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** {@code device_type}. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * The immutable device.
     *
     * @throws IllegalArgumentException naming the first missing field
     */
    public Device build() {
      return new Device(this);
    }
  }
}
