/** The REST API of the key-accounts module: the ABC/XYZ analysis, key accounts and service tiers. */
package org.clientela.keyaccounts.api;
