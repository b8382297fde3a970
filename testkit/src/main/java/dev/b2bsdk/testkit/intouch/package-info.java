/**
 * Mock of the InTouch CRM REST API: {@link dev.b2bsdk.testkit.intouch.InTouchMock}.
 */
package dev.b2bsdk.testkit.intouch;
