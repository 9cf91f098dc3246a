package org.clientela;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the integration tests: the whole application on a real HTTP
 * port over its own throw-away embedded PostgreSQL with the demo world. Every test class that
 * uses exactly this annotation shares the context, so the suite starts PostgreSQL once.
 * Tests that change data make their own records (unique names) and leave the demo people as
 * they are.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ClientelaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
