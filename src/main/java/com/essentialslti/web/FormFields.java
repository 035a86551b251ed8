package com.essentialslti.web;

/**
 * Reading a settings form's fields: a field that is not what the form offers (a crafted form, a typo) is refused
 * with an {@link IllegalArgumentException} whose message names the field in words, for the page to show.
 */
public final class FormFields {

    private FormFields() {
    }

    public static int wholeNumber(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(field + " must be a whole number.");
        }
    }

    /** One of the options the form offers; anything else is named in words, not as an enum. */
    public static <E extends Enum<E>> E choice(Class<E> options, String value, String field) {
        try {
            return Enum.valueOf(options, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": choose one of the options offered.");
        }
    }
}
