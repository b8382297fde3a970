/**
 * Mock servers of the four APIs for tests and demos: stateful, seeded with believable data, on
 * loopback, every answer valid against the project's specs.
 *
 * <ul>
 *   <li>{@link dev.b2bsdk.testkit.itcare.ItCareMock}, {@link dev.b2bsdk.testkit.carecloud.CareCloudMock},
 *       {@link dev.b2bsdk.testkit.shopapp.ShopApplicationMock},
 *       {@link dev.b2bsdk.testkit.intouch.InTouchMock}: one per API, each with a builder,
 *       {@code start()}/{@code stop()}, {@code baseUrl()} as the SDK client takes it,
 *       {@code faults()}, {@code reset()} and {@code server()} (the WireMock server).</li>
 *   <li>{@link dev.b2bsdk.testkit.B2bMocks}: the JUnit 5 extension.</li>
 *   <li>{@link dev.b2bsdk.testkit.MockServers}: the four together, with a {@code main}.</li>
 * </ul>
 *
 * <p>Default credentials: ITCare client {@code demo-client} / {@code demo-secret}; CareCloud
 * application {@code demo-app}, user {@code demo} / {@code demo-password}, customer application
 * {@code demo-customer-app}, customer {@code john.smith@example.com} / {@code customer-password};
 * Shop Application {@code demo-client} / {@code demo-secret}; InTouch {@code demo} /
 * {@code demo-password}. Every builder can change them.
 */
package dev.b2bsdk.testkit;
