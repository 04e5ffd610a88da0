package org.autocollections.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount of money: never negative, at most two decimals, below a trillion. */
@PositiveOrZero
@Digits(integer = 12, fraction = 2)
@DecimalMax("999999999999.99")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Money {
    String message() default "must be a non-negative amount with at most two decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
