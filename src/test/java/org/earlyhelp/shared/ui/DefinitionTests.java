package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;

class DefinitionTests {

    @Test
    void aDefinitionIsTheBrowsersOwnDisclosureInOneElementWithItsTextsEscaped() {
        Component definition =
                Definition.of("How this is counted", "dashboard.on-time", "Requests decided in <2> days & \"on time\"");

        assertThat(definition.getId()).hasValue("define-dashboard-on-time");
        assertThat(definition.getElement().getClassList()).contains("definition");
        assertThat(definition.getElement().getChildCount()).isZero();
        assertThat(definition.getElement().getProperty("innerHTML"))
                .isEqualTo("<details><summary>How this is counted</summary>"
                        + "<p>Requests decided in &lt;2&gt; days &amp; &quot;on time&quot;</p></details>");
    }
}
