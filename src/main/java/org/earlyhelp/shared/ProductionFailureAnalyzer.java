package org.earlyhelp.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the production profile's refusals one line each, with no stack trace to read through. */
class ProductionFailureAnalyzer extends AbstractFailureAnalyzer<ProductionMode.ProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionMode.ProductionConfigurationException cause) {
        return new FailureAnalysis(
                "The production profile refuses to start: this configuration is not safe for real families.\n\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Fix each line above and start again. For a demonstration, run without the production profile.",
                cause);
    }
}
