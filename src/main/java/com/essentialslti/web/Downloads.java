package com.essentialslti.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.charset.StandardCharsets;

/** Files the tool hands to the browser to save (exports, CSV downloads), under the name it offers. */
public final class Downloads {

    private Downloads() {
    }

    /** A text file, written as UTF-8 (the {@code type} says so with its charset), saved as {@code fileName}. */
    public static Response attachment(String text, String type, String fileName) {
        return saved(text.getBytes(StandardCharsets.UTF_8), type, fileName);
    }

    /** A file written while it is sent, saved as {@code fileName}. */
    public static Response attachment(StreamingOutput body, String type, String fileName) {
        return saved(body, type, fileName);
    }

    private static Response saved(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
