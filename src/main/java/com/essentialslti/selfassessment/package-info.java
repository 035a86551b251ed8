/**
 * The competency self-assessment: learners rate themselves against the course's PMO competency framework by
 * observable behaviour, submit dated snapshots, and see their profile against a target with strengths,
 * development areas and 70-20-10 suggestions; trainers set the link up and read the class's profiles. A submitted
 * snapshot can send a completion grade through the shared grade outbox.
 *
 * <p>{@code framework} holds the framework itself (its content, the shipped one, the course's versions);
 * {@code exchange} reads and writes it in Moodle's CSV and 1EdTech CASE formats.
 */
package com.essentialslti.selfassessment;
