/**
 * The technical ground the business modules stand on: the embedded default database, web
 * conventions (problem details, locale, formatting, error pages, request log) and the demo-data
 * mechanism. Its API: {@link org.clientela.platform.DemoDataContributor}, and for every module's
 * REST API {@link org.clientela.platform.ApiProblems} (error bodies),
 * {@link org.clientela.platform.Paging} (checked paging and sorting) and
 * {@link org.clientela.platform.Versions} (ETag and If-Match); for every module's HTML forms
 * {@link org.clientela.platform.FormErrors} (a service's refusals at their fields); for every
 * import of a table {@link org.clientela.platform.ImportFile} (CSV or XLSX, read row by row), and for
 * every XLSX export {@link org.clientela.platform.XlsxSheets}, for every printed document
 * {@link org.clientela.platform.PdfDocuments} (a template as a PDF with a Cyrillic font).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.clientela.platform;
