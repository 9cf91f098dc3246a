package org.clientela.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money. Never a {@code double}: amounts are {@link BigDecimal}, rounded half-up to
 * the currency's minor unit (kopecks for roubles) when a {@code Money} is made.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency RUB = Currency.getInstance("RUB");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    public static Money rubles(String amount) {
        return new Money(new BigDecimal(amount), RUB);
    }

    public static Money rubles(BigDecimal amount) {
        return new Money(amount, RUB);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
