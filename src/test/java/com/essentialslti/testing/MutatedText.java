package com.essentialslti.testing;

import org.quicktheories.core.Gen;

import java.util.List;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Generators of broken input for the property tests of every reader of outside files. */
public final class MutatedText {

    private MutatedText() {
    }

    /** Text made of pieces that mean something to a format (its tokens), in any order. */
    public static Gen<String> tokenText(List<String> tokens, int maxTokens) {
        return lists().of(arbitrary().pick(tokens)).ofSizeBetween(0, maxTokens).map(t -> String.join("", t));
    }

    /** A valid file with a few pieces inserted, deleted or replaced at random places. */
    public static Gen<String> mutationsOf(List<String> samples, List<String> tokens) {
        Gen<List<Integer>> edits = lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 12);
        return arbitrary().pick(samples).zip(edits, arbitrary().pick(tokens), (sample, at, token) -> {
            StringBuilder text = new StringBuilder(sample);
            for (int i = 0; i < at.size(); i++) {
                int position = at.get(i) % (text.length() + 1);
                switch (at.get(i) % 3) {
                    case 0 -> text.insert(position, token);
                    case 1 -> text.delete(position, Math.min(text.length(), position + 1 + at.get(i) % 40));
                    default -> text.replace(position, Math.min(text.length(), position + token.length()), token);
                }
            }
            return text.toString();
        });
    }
}
