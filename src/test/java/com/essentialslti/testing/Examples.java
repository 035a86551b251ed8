package com.essentialslti.testing;

import org.quicktheories.core.Gen;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;

/** Runs a property-based check and says how many inputs it tried: QuickTheories skips inputs it has seen already. */
public final class Examples {

    private Examples() {
    }

    /** Checks {@code property} on up to {@code asked} inputs from {@code inputs}; prints and returns how many. */
    public static <T> int tried(String what, int asked, Gen<T> inputs, Consumer<T> property) {
        AtomicInteger tried = new AtomicInteger();
        qt().withExamples(asked).forAll(inputs).checkAssert(input -> {
            tried.incrementAndGet();
            property.accept(input);
        });
        System.out.printf("%s: %d inputs tried%n", what, tried.get());
        return tried.get();
    }
}
