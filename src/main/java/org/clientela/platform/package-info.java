/**
 * The technical ground the business modules stand on: the embedded default database, web
 * conventions (problem details, locale, formatting, error pages, request log) and the demo-data
 * mechanism. Its API is {@link org.clientela.platform.DemoDataContributor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.clientela.platform;
