package org.clientela.identity.internal;

import java.util.Collection;
import java.util.List;

import org.clientela.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a logged-in user; kept in the (database-backed) session, hence small and
 * serializable.
 */
final class ClientelaUserDetails implements UserDetails, CredentialsContainer, CurrentUser.Holder {

    private final CurrentUser currentUser;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    ClientelaUserDetails(CurrentUser currentUser, String passwordHash, boolean enabled, boolean locked) {
        this.currentUser = currentUser;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    static ClientelaUserDetails authenticated(CurrentUser currentUser) {
        return new ClientelaUserDetails(currentUser, null, true, false);
    }

    @Override
    public CurrentUser currentUser() {
        return currentUser;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = currentUser.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return currentUser.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
