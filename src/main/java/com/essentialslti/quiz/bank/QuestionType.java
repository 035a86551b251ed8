package com.essentialslti.quiz.bank;

/** How a question is answered. */
public enum QuestionType {
    /** One correct option among several. */
    SINGLE,
    /** One or more correct options; the learner ticks every one that applies. */
    MULTIPLE,
    /** Two options, "True" and "False". */
    TRUE_FALSE
}
