package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingTests {

    @Test
    void aPageOfOneToTheMostFromTheFirstItemOnIsAllowed() {
        assertThatCode(() -> Paging.require(1, 0, 200)).doesNotThrowAnyException();
        assertThatCode(() -> Paging.require(200, 4000, 200)).doesNotThrowAnyException();
    }

    @Test
    void aLargerOrEmptyPageIsRefusedNotCutShort() {
        assertThatThrownBy(() -> Paging.require(201, 0, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 200 items, not 201");
        assertThatThrownBy(() -> Paging.require(0, 0, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 200 items, not 0");
    }

    @Test
    void aPageBeforeTheFirstItemIsRefused() {
        assertThatThrownBy(() -> Paging.require(10, -1, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page cannot start before the first item: -1");
    }
}
