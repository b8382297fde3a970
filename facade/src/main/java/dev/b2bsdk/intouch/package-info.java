/**
 * InTouch CRM client: {@link dev.b2bsdk.intouch.InTouchClient} (HTTP Basic on every call), the
 * position-style paging glue with {@link dev.b2bsdk.intouch.Sort}, and the error parser.
 */
package dev.b2bsdk.intouch;
