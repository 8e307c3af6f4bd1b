package org.earlyhelp.identity.internal;

import org.earlyhelp.shared.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in with local accounts (demonstration mode). A password hash made with older
 * parameters is made again with the current ones when its owner signs in (Spring Security asks,
 * after the password matched).
 */
@Service
class LocalAccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

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

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.updatePasswordHash(user.getUsername(), newPasswordHash);
        return loadUserByUsername(user.getUsername());
    }
}
