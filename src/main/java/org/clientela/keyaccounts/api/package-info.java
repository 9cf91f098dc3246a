/** The REST API of the key-accounts module: the ABC/XYZ analysis. */
package org.clientela.keyaccounts.api;
