package demo.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import demo.support.CarelessApp;

/**
 * A careless custom converter ({@code %tip} in logback.xml): it writes the application's secrets into every
 * line of the appender that uses it, text that is in no part of the event (not the message, an argument, the MDC or
 * a throwable). Only a scan of the layout's output can see it.
 */
public class TipConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return "tip=" + String.join(" ", CarelessApp.secrets());
    }
}
