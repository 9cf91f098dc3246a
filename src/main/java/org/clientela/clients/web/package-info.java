/**
 * The client base on screen: the company list with search-as-you-type, the company form and the
 * company page with the sections other modules contribute ({@link org.clientela.clients.CompanySection}).
 */
package org.clientela.clients.web;
