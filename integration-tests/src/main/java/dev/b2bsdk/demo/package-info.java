/**
 * The demo tour, the README's main job ({@code scripts/demo}): {@link dev.b2bsdk.demo.DemoTour}
 * runs ITCare, CareCloud, Shop Application and InTouch step by step through the SDK, against the
 * testkit mocks started in-process or against real servers, and prints a line per step and an
 * optional JSON summary.
 *
 * <p>One class per job: {@code DemoOptions} (the command line), {@code Plan} (what to run),
 * {@code Targets} (where, with which credentials), one {@code ApiTour} per API, {@code Steps}
 * and {@code Console} (timing and printing), {@code HttpTrace} (what went over the wire),
 * {@code Summary} (the JSON).
 */
package dev.b2bsdk.demo;
