package org.earlyhelp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditActionTests {

    @Test
    void everyActionHasItsOwnCodeInTheTrailsSpelling() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z0-9]+)*"), "lower-case words joined by hyphens");
    }

    @Test
    void theCodeIsTheConstantsNameSoASearchForEitherFindsTheOther() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.code().toUpperCase().replace('-', '_')).isEqualTo(action.name());
        }
    }
}
