/**
 * The catalogue on screen: the products with search, a product with its price history, the price
 * lists, and the prices section of the company page (the company's price type and a calculator
 * showing why a price is what it is); for the management, the forms that change them.
 */
package org.clientela.catalog.web;
