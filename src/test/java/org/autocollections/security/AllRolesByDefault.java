package org.autocollections.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every test's HTTP calls carry a token with every role unless the test sends its own, so that a test about
 * decisions or cases is not also a test about access; {@link RoleMatrixTest} is the test about access (it removes
 * this filter). A Quarkus test callback (registered in META-INF/services), so that it runs where the test does: in
 * the application's class loader, before each test.
 */
public class AllRolesByDefault implements QuarkusTestBeforeEachCallback, Filter {

    static final String TOKEN = Tokens.of(Roles.ALL);

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(this);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", Tokens.bearer(TOKEN));
        }
        return context.next(request, response);
    }
}
