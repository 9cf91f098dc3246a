package org.clientela.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demo whether to load the demo world; unset means "yes on the embedded default database,
 *             no on an external one", so that a production start never gets demo users
 */
@ConfigurationProperties("clientela")
record DemoDataProperties(Boolean demo) {
}
