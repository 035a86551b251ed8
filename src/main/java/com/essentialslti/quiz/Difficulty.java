package com.essentialslti.quiz;

public enum Difficulty {
    EASY, MEDIUM, HARD
}
