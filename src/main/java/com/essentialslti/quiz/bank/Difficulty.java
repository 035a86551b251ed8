package com.essentialslti.quiz.bank;

public enum Difficulty {
    EASY, MEDIUM, HARD
}
