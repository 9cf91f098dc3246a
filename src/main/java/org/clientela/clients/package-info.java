/**
 * The client base (C1–C6): companies — legal entities and sole traders with their Russian
 * registration numbers —, their status from prospect to lost, their owner, the people at them
 * (contacts, visible exactly when their company is), and the search over them. Other modules
 * refer to a company by its {@link org.clientela.clients.CompanyId}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client base")
package org.clientela.clients;
