/**
 * The client base on screen: the company list with search-as-you-type, saved filters and its
 * export, the company form, the company page with the sections other modules contribute
 * ({@link org.clientela.clients.CompanySection}), and the prospects' work list.
 */
package org.clientela.clients.web;
