package com.essentialslti.course;

import com.essentialslti.infra.Database;
import com.essentialslti.testing.QueryPlans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL indexes no foreign key's column by itself: without V5, the result page's next steps read every
 * resource link of every course to find a course's own.
 */
class CourseActivitiesQueryPlanTest {

    private static EmbeddedPostgres postgres;
    private static Database database;

    @BeforeAll
    static void migrateAPostgresDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @AfterAll
    static void stop() throws IOException {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCoursesActivitiesAreReadThroughTheCourseIndexOnPostgres() {
        // The tables are empty, where a sequential scan is always cheapest: forbid it to see what else serves.
        String plan = QueryPlans.explain(database, Enrolments.COURSE_ACTIVITIES, ResourceLink.class,
                List.of("some-course", "this-link"), "SET LOCAL enable_seqscan = off");

        assertThat(plan).contains("ix_resource_link_course");
    }
}
