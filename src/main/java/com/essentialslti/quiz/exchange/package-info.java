/**
 * Questions in and out of the bank in the formats Moodle uses: GIFT and Moodle XML readers and writers, their
 * escapes and limits, and the import (upload, preview with line-numbered problems, confirm once, all or nothing)
 * and export pages. The flow common to every import is in {@link com.essentialslti.imports}.
 */
package com.essentialslti.quiz.exchange;
