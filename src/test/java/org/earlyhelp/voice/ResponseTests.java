package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.junit.jupiter.api.Test;

/** Issue 21: a "you said, we did" answer past its due date and not done is flagged overdue. */
class ResponseTests {

    private static Response due(LocalDate due, ResponseStatus status) {
        return new Response(
                UUID.randomUUID(),
                new HubId("dudley-central"),
                "school",
                "Said",
                "Vic",
                "Decided",
                status,
                due,
                null,
                null,
                null,
                Instant.EPOCH,
                List.of(),
                0);
    }

    @Test
    void overdueOnlyAfterItsDueDateAndOnlyWhileNotAnswered() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(due(today.minusDays(1), ResponseStatus.HEARD).overdue(today)).isTrue();
        assertThat(due(today.minusDays(1), ResponseStatus.IN_PROGRESS).overdue(today))
                .isTrue();
        assertThat(due(today, ResponseStatus.HEARD).overdue(today))
                .as("due today is not yet overdue")
                .isFalse();
        assertThat(due(today.minusDays(30), ResponseStatus.DONE).overdue(today)).isFalse();
        assertThat(due(today.minusDays(30), ResponseStatus.NOT_POSSIBLE).overdue(today))
                .isFalse();
        assertThat(due(null, ResponseStatus.HEARD).overdue(today)).isFalse();
    }
}
