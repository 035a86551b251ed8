package com.essentialslti.infra;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void anIdIsAVersion7UuidInItsUsualForm() {
        String id = Ids.timeOrdered();

        assertThat(id).hasSize(36);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
    }

    @Test
    void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsText() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Ids.timeOrdered());
            Thread.sleep(2);
        }

        assertThat(ids).isSorted();
    }
}
