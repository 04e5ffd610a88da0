package org.autocollections.simulation;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.autocollections.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Simulations' and ruleset versions' errors as problem details, like every other error of the service. */
public class SimulationProblems {

    @ServerExceptionMapper
    public Response noSimulation(SimulationNotFoundException e, UriInfo uri) {
        return respond(Problem.of("simulation-not-found", "No such simulation", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(SimulationConflictException e, UriInfo uri) {
        return respond(Problem.of("simulation-conflict", "Simulation conflict", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response noVersion(RulesetVersionNotFoundException e, UriInfo uri) {
        return respond(Problem.of("ruleset-version-not-found", "No such ruleset version", 404, e.getMessage()), uri);
    }

    public static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }
}
