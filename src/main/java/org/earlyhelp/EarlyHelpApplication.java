package org.earlyhelp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Early Help: place-based early help for councils, their partners, children and commissioners. */
@SpringBootApplication
@Modulithic(systemName = "Early Help", sharedModules = "shared")
public class EarlyHelpApplication {

    public static void main(String[] args) {
        SpringApplication.run(EarlyHelpApplication.class, args);
    }
}
