package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.Test;

class TextListTests {

    @Test
    void everySentenceIsOneItemOfOneElementAndWhatAPersonTypedArrivesAsText() {
        UnorderedList list = new TextList()
                .add("Raised a safeguarding alert", "badge-overdue")
                .add("What would help: <img src=x onerror=alert(1)> Mum & Dad said \"yes\"")
                .build();

        assertThat(list.getElement().getChildCount())
                .as("no component for each sentence")
                .isZero();
        assertThat(list.getElement().getProperty("innerHTML"))
                .isEqualTo(
                        "<li class=\"badge-overdue\">Raised a safeguarding alert</li>"
                                + "<li>What would help: &lt;img src=x onerror=alert(1)&gt; Mum &amp; Dad said &quot;yes&quot;</li>");
    }

    @Test
    void anEmptyListHasNoItems() {
        assertThat(new TextList().build().getElement().getProperty("innerHTML")).isEmpty();
    }
}
