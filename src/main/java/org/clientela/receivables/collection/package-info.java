/**
 * Collection of overdue invoices (R3): a schedule of reminder steps (an e-mail to the client, a
 * call, a letter, an escalation to the head), the daily run that turns the steps whose day has come
 * into actions ({@link org.clientela.receivables.collection.CollectionRun}, locked by ShedLock so
 * that one node runs it), the client's promises to pay that hold the steps back until they are
 * broken, and the screens: the company's «Взыскание» section, the start-page tasks and the schedule.
 */
package org.clientela.receivables.collection;
