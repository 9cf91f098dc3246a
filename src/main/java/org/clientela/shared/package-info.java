/**
 * Value objects every module may use: money, paging, the Russian registration and bank numbers
 * (ИНН, КПП, ОГРН, БИК, accounts) with their check digits, the outcomes a module reports to the
 * web edge (not found, conflict, invalid input). No services live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared values", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.clientela.shared;
