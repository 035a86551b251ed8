/**
 * A course's question bank: topics, questions and their versions (a past attempt keeps the wording it was given),
 * answer options and their scoring, the default bank shipped with the tool and copied into each course on first
 * use, the draw of an attempt's questions, and the trainers' pages to write, edit, retire and restore questions.
 */
package com.essentialslti.quiz.bank;
