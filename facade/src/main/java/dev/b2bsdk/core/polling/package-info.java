/**
 * Polling of long-running server operations, written once for every API.
 *
 * <p>An API package maps one status request to a {@link dev.b2bsdk.core.polling.PollResponse}
 * (a {@link dev.b2bsdk.core.polling.PollFunction}), builds a {@link
 * dev.b2bsdk.core.polling.Poller} and returns it wrapped in an {@link
 * dev.b2bsdk.core.polling.AsyncOperation} from its {@code begin...} methods; an operation may
 * also be untracked (accepted without a tracking id) or a dry run. Polls are driven by a {@link
 * java.util.concurrent.ScheduledExecutorService}: no thread sleeps between polls.
 */
package dev.b2bsdk.core.polling;
