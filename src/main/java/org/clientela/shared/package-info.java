/**
 * Value objects every module may use: money, paging, the outcomes a module reports to the web
 * edge (not found, conflict). No services live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared values", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.clientela.shared;
