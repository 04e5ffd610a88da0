package org.autocollections.simulation;

/** No simulation has that id. */
public class SimulationNotFoundException extends RuntimeException {
    public SimulationNotFoundException(String simulationId) {
        super("No simulation " + simulationId);
    }
}
