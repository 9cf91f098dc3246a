package org.clientela.bench;

/** Placeholder replaced below. */
final class MoneyBenchmark {
    static void main(String[] args) {
    }
}
