package dev.b2bsdk.it.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything the SDK logs (logger {@code dev.b2bsdk} at DEBUG: the HTTP log, retries,
 * token refreshes) in memory, instead of printing it, while the matrix runs.
 */
final class LogCapture implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.b2bsdk");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previousLevel;
  private final boolean previousAdditive;

  LogCapture() {
    previousLevel = logger.getLevel();
    previousAdditive = logger.isAdditive();
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
  }

  void clear() {
    appender.list.clear();
  }

  /** Every captured event as text: logger, formatted message and any throwable chain. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
          .append(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Lines of the HTTP log ({@code dev.b2bsdk.http}). */
  List<String> httpLines() {
    return lines().stream().filter(l -> l.startsWith("dev.b2bsdk.http ")).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditive);
  }
}
