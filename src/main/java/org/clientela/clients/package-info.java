/**
 * The client base (C1–C6): companies — legal entities and sole traders with their Russian
 * registration numbers —, their status from prospect to lost, their owner, the people at them
 * (contacts, visible exactly when their company is), their dossier, the search over them, and the
 * merge of two companies that turned out to be one client: every module that holds company ids
 * repoints them on {@link org.clientela.clients.CompaniesMerged}, in the merge's transaction.
 * Other modules refer to a company by its {@link org.clientela.clients.CompanyId}, and show what
 * they hold of a company on its page by a {@link org.clientela.clients.CompanySection} bean.
 * The orders module calls {@link org.clientela.clients.FirstOrderConversion} with a company's
 * first order, which makes a prospect an active client (C6).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client base")
package org.clientela.clients;
