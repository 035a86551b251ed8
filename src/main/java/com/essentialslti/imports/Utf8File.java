package com.essentialslti.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an imported file, which must be UTF-8: Moodle writes both its XML and its GIFT files so. */
public final class Utf8File {

    public static final ImportProblem NOT_UTF8 =
            new ImportProblem(0, "the file is not UTF-8 text; save it as UTF-8 and import it again");

    private Utf8File() {
    }

    /** The file's text without a byte order mark, or null when the file is not valid UTF-8. */
    public static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
