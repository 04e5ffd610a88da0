package org.autocollections.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.autocollections.lifecycle.ApprovalRules.Step;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * The roles a draft's actions report are those its endpoints let through: otherwise the page would offer a step
 * the server refuses, or hide one it allows.
 */
@DatabaseFree
class ApprovalRulesTest {

    @Test
    void eachStepAllowsTheRolesItsEndpointAllows() {
        Map<Step, Method> endpoints = Map.of(Step.REVISE, endpoint(DraftResource.class, "revise"),
                Step.APPROVE, endpoint(DraftResource.class, "approve"),
                Step.REJECT, endpoint(DraftResource.class, "reject"),
                Step.ACTIVATE, endpoint(DraftResource.class, "activate"),
                Step.ROLLBACK, endpoint(RulesetResource.class, "rollback"));
        assertThat(endpoints.keySet()).containsExactlyInAnyOrder(Step.values());
        endpoints.forEach((step, method) -> assertThat(Set.of(method.getAnnotation(RolesAllowed.class).value()))
                .as(step + ": " + method).isEqualTo(ApprovalRules.roles(step)));
    }

    private static Method endpoint(Class<?> resource, String name) {
        return Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
