/**
 * Sales plans (T1, T2): a plan per month or quarter with targets — revenue, margin, active and new
 * clients — for the department, each manager, key accounts and assortment groups, approved by the
 * head; and plan vs actual at any moment of the period from the sales facts ({@code sales_fact},
 * the salesfacts module's published table), with the forecast to the period's end (the run rate
 * and the open orders, {@link org.clientela.orders.OpenOrders}) and the ranking of the managers;
 * {@link org.clientela.plans.PlanVsActual} gives the same figures to the reports. T3: the segment
 * outlook — per segment, the monthly trend, a forecast with its backtested error and the top movers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales plans")
package org.clientela.plans;
