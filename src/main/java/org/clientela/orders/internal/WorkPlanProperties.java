package org.clientela.orders.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The steps an order's work plan is proposed with ({@code clientela.orders.work-plan.steps}), in
 * their order: each due {@code days} working days after the one before (the first after the day
 * the plan is made); {@code glass-units} steps only for an order with glass units made to size;
 * {@code inform-client} steps are told to the client's contact when done.
 */
@ConfigurationProperties("clientela.orders.work-plan")
public record WorkPlanProperties(List<StepTemplate> steps) {

    public WorkPlanProperties {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public record StepTemplate(String title, int days, boolean glassUnits, boolean informClient) {
    }
}
