package demo.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import demo.support.CarelessApp;

/**
 * A careless custom converter ({@code %hottip} in logback-hotpath.xml) that writes nothing on most lines and the
 * application's secret on the one line the application asks for: text in no part of the event, inside a line prefix
 * that was clean on every line before.
 */
public class HotTipConverter extends ClassicConverter {
    static volatile boolean speak;

    @Override
    public String convert(ILoggingEvent event) {
        return speak ? "tip=" + CarelessApp.secrets()[0] : "tip=none";
    }
}
