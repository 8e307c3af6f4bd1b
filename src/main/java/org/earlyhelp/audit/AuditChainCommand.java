package org.earlyhelp.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command that checks the audit trail's chain and exits: 0 when it is intact, 1 when it is
 * broken, naming the first broken entry. {@code java -jar early-help.jar
 * --earlyhelp.audit.check-chain=true --server.port=0} with the database's settings.
 */
@Component
@ConditionalOnBooleanProperty("earlyhelp.audit.check-chain")
@Order(Integer.MIN_VALUE)
class AuditChainCommand implements ApplicationRunner {

    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditChainCommand(AuditChain chain, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditChain.Check check = chain.verify();
        System.out.println(describe(check));
        int code = check.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static String describe(AuditChain.Check check) {
        AuditChain.Broken b = check.firstBroken();
        if (b == null) {
            return "Audit trail intact: " + check.sealed() + " entries sealed in an unbroken chain, " + check.unsealed()
                    + " newer entries not sealed yet. Chain head: " + check.head();
        }
        return "Audit trail BROKEN at entry " + b.entryId() + " (position " + b.position() + ", " + b.at() + ", "
                + b.action() + "): " + b.why() + ". " + check.sealed() + " entries before it are intact.";
    }
}
