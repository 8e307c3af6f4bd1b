package org.earlyhelp.identity.internal;

import org.earlyhelp.shared.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in with local accounts (demonstration mode). */
@Service
class LocalAccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final LoginThrottle throttle;

    LocalAccountDetailsService(AccountRepository accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {

        Account account = accounts.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        CurrentUser user = new CurrentUser(
                account.username(), account.displayName(), account.roles(), account.organisation(), account.hubs());
        // Checked before the password, so a throttled account gives nothing away.
        return new LocalPrincipal(user, account.passwordHash(), account.enabled(), !throttle.allows(username));
    }
}
