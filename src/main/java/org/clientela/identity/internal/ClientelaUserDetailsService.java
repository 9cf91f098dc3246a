package org.clientela.identity.internal;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ClientelaUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    ClientelaUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByUsername(username.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new ClientelaUserDetails(user.toCurrentUser(), user.passwordHash(), user.enabled(),
                user.isLockedAt(clock.instant()));
    }
}
