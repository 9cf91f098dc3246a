package org.clientela.platform;

/**
 * One item of the main navigation, declared by a module as a bean.
 *
 * @param messageKey   its label in the message bundles
 * @param href         where it leads
 * @param order        position, ascending
 * @param requiredRole the role (e.g. {@code ADMIN}) needed to see it, or {@code null} for everyone
 */
public record NavigationEntry(String messageKey, String href, int order, String requiredRole) {
}
