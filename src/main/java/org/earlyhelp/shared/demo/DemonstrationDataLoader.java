package org.earlyhelp.shared.demo;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Loads every module's demonstration data at start-up, in order, when demonstration data is on. */
@Component
@ConditionalOnBooleanProperty(name = "earlyhelp.demo.data", matchIfMissing = true)
class DemonstrationDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemonstrationDataLoader.class);

    private final List<DemonstrationData> data;

    DemonstrationDataLoader(List<DemonstrationData> data) {
        this.data = data;
    }

    @Override
    public void run(ApplicationArguments args) {
        data.stream().sorted(Comparator.comparingInt(DemonstrationData::order)).forEach(d -> {
            log.debug("Loading demonstration data: {}", d.getClass().getSimpleName());
            d.load();
        });
    }
}
