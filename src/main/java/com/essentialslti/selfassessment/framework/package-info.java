/**
 * The competency framework: one immutable value ({@link com.essentialslti.selfassessment.framework.FrameworkContent})
 * with its scale, areas, behaviour-anchored competencies and target profiles; the framework that ships with the
 * tool; and each course's framework as versions that never change, so a snapshot keeps the version it was made
 * with.
 */
package com.essentialslti.selfassessment.framework;
