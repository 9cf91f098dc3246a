package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.clientela.catalog.ClientDiscountSource;
import org.clientela.catalog.ClientDiscountSource.ClientDiscount;
import org.clientela.catalog.ClientPrices;
import org.clientela.catalog.PriceBreakdown;
import org.clientela.catalog.PriceTypeView;
import org.clientela.catalog.ProductId;
import org.clientela.catalog.ProductView;
import org.clientela.catalog.UnitSize;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.InputErrors;
import org.clientela.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's price of a product on a day, with the reasons for it (P2). */
@Service
class ClientPricesService implements ClientPrices {

    static final String QUANTITY_INVALID = "catalog.price.quantityInvalid";
    static final String SIZE_REQUIRED = "catalog.price.sizeRequired";
    static final String SIZE_NOT_APPLICABLE = "catalog.price.sizeNotApplicable";
    static final String SIZE_INVALID = "catalog.price.sizeInvalid";
    static final String NO_PRICE = "catalog.price.none";
    /** The largest glass unit the factory makes, in metres on either side. */
    static final BigDecimal MAX_SIDE = new BigDecimal("6");
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

    private final VisibleCompanies companies;
    private final ProductService products;
    private final PriceListService priceLists;
    private final PriceTypeService priceTypes;
    private final ObjectProvider<ClientDiscountSource> clientDiscounts;

    ClientPricesService(VisibleCompanies companies, ProductService products, PriceListService priceLists,
            PriceTypeService priceTypes, ObjectProvider<ClientDiscountSource> clientDiscounts) {
        this.clientDiscounts = clientDiscounts;
        this.companies = companies;
        this.products = products;
        this.priceLists = priceLists;
        this.priceTypes = priceTypes;
    }

    @Override
    @Transactional(readOnly = true)
    public PriceBreakdown priceFor(CompanyId company, ProductId productId, LocalDate day, BigDecimal quantity,
            UnitSize size) {
        companies.company(company);
        ProductView product = products.product(productId.value());
        InputErrors errors = new InputErrors();
        if (quantity == null || quantity.signum() <= 0 || quantity.scale() > 3
                || quantity.compareTo(MAX_QUANTITY) > 0) {
            errors.add("quantity", QUANTITY_INVALID, MAX_QUANTITY);
        }
        boolean bySize = product.formula() != null;
        if (bySize && size == null) {
            errors.add("width", SIZE_REQUIRED);
        } else if (!bySize && size != null) {
            errors.add("width", SIZE_NOT_APPLICABLE);
        } else if (size != null) {
            side(errors, "width", size.width());
            side(errors, "height", size.height());
        }
        Optional<PriceListService.PriceInForce> base = priceLists.basePriceOn(product.id(), day);
        if (base.isEmpty()) {
            errors.add("date", NO_PRICE, day);
        }
        errors.throwIfAny();
        Optional<PriceTypeView> type = priceTypes.assigned(company);
        BigDecimal discount = PriceTypeService.discountOf(type);
        Optional<ClientDiscount> own = Optional.ofNullable(clientDiscounts.getIfAvailable())
                .flatMap(source -> source.discountFor(company, day));
        PriceListService.PriceInForce price = base.get();
        Pricing pricing = Pricing.of(price.price(), discount,
                own.map(ClientDiscount::percent).orElse(BigDecimal.ZERO), quantity, size);
        BigDecimal costPrice = CurrentUser.maySeeMargins() ? products.costPrice(product.id()) : null;
        BigDecimal margin = costPrice == null ? null
                : pricing.lineAmount().subtract(pricing.cost(costPrice, quantity));
        return new PriceBreakdown(company.value(), product.id(), product.sku(), product.name(), product.unit(), day,
                price.versionId(), price.version(), price.effectiveFrom(), price.price(),
                type.map(PriceTypeView::name).orElse(null), discount, pricing.typeUnitPrice(),
                own.map(ClientDiscount::label).orElse(null), own.map(ClientDiscount::percent).orElse(null),
                pricing.unitPrice(), quantity, size,
                pricing.area(), pricing.billableArea(), pricing.lineAmount(), Money.RUB.getCurrencyCode(), costPrice,
                margin);
    }

    private static void side(InputErrors errors, String field, BigDecimal metres) {
        if (metres.signum() <= 0 || metres.compareTo(MAX_SIDE) > 0 || metres.scale() > 3) {
            errors.add(field, SIZE_INVALID, MAX_SIDE);
        }
    }
}
