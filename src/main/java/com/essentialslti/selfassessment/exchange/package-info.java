/**
 * Competency frameworks in the two formats other systems use to exchange them, read and written as pure functions
 * of bytes and values (no HTTP, no database): Moodle's competency framework CSV ({@link
 * com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv}, the format of Moodle's "Import competency framework"
 * tool and of its export) and 1EdTech CASE 1.0 JSON ({@link com.essentialslti.selfassessment.exchange.CaseJson}, a
 * CFPackage).
 *
 * <p>Both readers follow the quiz import's rules: the file is read whole or not at all ({@link
 * com.essentialslti.selfassessment.exchange.FrameworkImport} holds a framework only when there is no problem), every
 * problem is said where it is (a line for CSV, a JSON pointer for CASE), every text is kept exactly as written, and a
 * hostile file (too large, not UTF-8, too many items or columns, too deep, cyclic, with duplicate ids or an unclosed
 * quote) is refused early and cheaply. What a format cannot carry (targets, 70-20-10 suggestions, quiz topics) is
 * said in the import's notes; the caller adds the course's defaults.
 *
 * <p>{@link com.essentialslti.selfassessment.exchange.FrameworkImportResource} is the trainer's import: upload,
 * preview, confirm once, through the shared flow of {@code com.essentialslti.imports}.
 */
package com.essentialslti.selfassessment.exchange;
