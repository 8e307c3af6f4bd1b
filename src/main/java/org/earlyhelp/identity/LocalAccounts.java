package org.earlyhelp.identity;

import java.util.List;
import org.earlyhelp.identity.internal.AccountRepository;
import org.earlyhelp.identity.internal.IdentityDemonstrationData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts, as the login page sees them in demonstration mode. */
@Service
@Transactional(readOnly = true)
public class LocalAccounts {

    private final AccountRepository accounts;

    LocalAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * The demonstration accounts that exist in the database, with their shared password shown on
     * the login page. Only called in demonstration mode; these accounts are public knowledge.
     */
    public List<DemoAccount> demoAccounts() {
        return IdentityDemonstrationData.ACCOUNTS.stream()
                .filter(a -> accounts.exists(a.username()))
                .toList();
    }

    /**
     * Whether a local account still exists and is enabled: asked again while people are signed
     * in, so that a disabled account loses access within a minute.
     */
    public boolean stillActive(String username) {
        return accounts.findByUsername(username).map(a -> a.enabled()).orElse(false);
    }

    /** The password every demonstration account shares. */
    public String demoPassword() {
        return IdentityDemonstrationData.DEMO_PASSWORD;
    }
}
