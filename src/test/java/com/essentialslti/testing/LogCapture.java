package com.essentialslti.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages one logger writes while a piece of work runs, at INFO and above. */
public final class LogCapture {

    private LogCapture() {
    }

    public static List<String> of(Class<?> loggingClass, Runnable work) {
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(loggingClass.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(capture);
        try {
            work.run();
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
        return logged;
    }
}
