/**
 * The competency framework: one immutable value ({@link com.essentialslti.selfassessment.framework.FrameworkContent})
 * with its scale, areas, behaviour-anchored competencies and target profiles; the framework that ships with the
 * tool; and each course's framework as versions that never change, so a snapshot keeps the version it was made
 * with. The trainer's pages of the framework ({@code FrameworkResource}, {@code FrameworkPages}) make each change
 * a new version, against the version the page showed.
 */
package com.essentialslti.selfassessment.framework;
