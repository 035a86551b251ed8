/**
 * The readiness quiz as learners and trainers live it: settings per link, attempts started, answered and
 * submitted once, grading methods and verdicts, the result with next steps, the trainer's results list, and the
 * grade handed to {@link com.essentialslti.grading.Gradebook} in the same transaction. The bank is in
 * {@link com.essentialslti.quiz.bank}, the GIFT and Moodle XML exchange in {@link com.essentialslti.quiz.exchange}.
 */
package com.essentialslti.quiz;
