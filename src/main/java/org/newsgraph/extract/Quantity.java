package org.newsgraph.extract;

import java.math.BigDecimal;

/**
 * A number attached to an event: a value, or a range from value to max, of a unit.
 *
 * @param max  the range's upper end, or null for a single value
 * @param unit a singular noun ("soldier"), an ISO 4217 code ("USD") or "percent"
 */
public record Quantity(BigDecimal value, BigDecimal max, String unit) {
}
