package org.clientela.keyaccounts;

/** How a client's ABC class changed against the previous period (A is the top). */
public enum Movement {
    UP, DOWN, SAME,
    /** Not classified in the previous period: it bought nothing then. */
    NEW;

    public static Movement of(AbcClass previous, AbcClass current) {
        if (previous == null) {
            return NEW;
        }
        int change = previous.compareTo(current);
        return change > 0 ? UP : change < 0 ? DOWN : SAME;
    }
}
