/** The REST API of the key-accounts module: the ABC/XYZ analysis, key accounts, service tiers and early warnings. */
package org.clientela.keyaccounts.api;
