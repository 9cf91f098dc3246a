/** The credit module's screens: the company page's section «Кредит», the credit list and the start page panel. */
package org.clientela.credit.web;
