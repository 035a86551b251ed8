package com.essentialslti.imports;

import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An uploaded file on its way through an import: read from the multipart form with a cap, then carried in the
 * preview's confirmation form, so that nothing is kept on the server between the preview and the confirmation.
 *
 * @param fileName the name the browser gave, or "" without one
 */
public record Upload(String fileName, byte[] content) {

    /** Below the server's 1 MiB request limit once encoded in the confirmation form (4/3 of it, and the token). */
    public static final int MAX_BYTES = 750 * 1024;
    public static final String NO_FILE = "Choose a file to import.";
    public static final String TOO_LARGE = "The file is larger than 750 KB: split it into smaller files.";
    /** The confirmation form came back changed or cut: its file (or another of its fields) cannot be read. */
    public static final String DAMAGED = "The import form was damaged: upload the file again.";

    /** An upload turned down, with the words to show. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The file of the form's file field, at most {@link #MAX_BYTES}; refused when missing or larger. */
    public static Upload read(EntityPart file) throws IOException, Refused {
        if (file == null) {
            throw new Refused(NO_FILE);
        }
        byte[] content;
        try (InputStream in = file.getContent()) {
            content = in.readNBytes(MAX_BYTES + 1);
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(TOO_LARGE);
        }
        return new Upload(file.getFileName().orElse(""), content);
    }

    /**
     * The file as the confirmation form carries it. URL-safe base64: the form encoding leaves - and _ as they are,
     * where + and / take three bytes each, and a file near the upload cap would no longer fit the request limit.
     */
    public static String inForm(byte[] content) {
        return Base64.getUrlEncoder().encodeToString(content);
    }

    /** The file the confirmation form carried; {@link IllegalArgumentException} when it was damaged. */
    public static byte[] fromForm(String value) {
        return Base64.getUrlDecoder().decode(value == null ? "" : value);
    }

    /**
     * Whether a file's text begins with {@code mark} (after leading white space and a byte order mark): how an
     * import tells its formats apart when the file's name does not ({@code <} for XML, <code>{</code> for JSON).
     */
    public static boolean beginsWith(byte[] content, char mark) {
        String start = new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("\uFEFF" + mark) || start.startsWith(String.valueOf(mark));
    }
}
