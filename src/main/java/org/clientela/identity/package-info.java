/**
 * People and rights: users, their roles and teams, the current user, personal API tokens and the
 * record-level access policy every other module asks ({@link org.clientela.identity.AccessPolicy}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.clientela.identity;
