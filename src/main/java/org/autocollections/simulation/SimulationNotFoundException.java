package org.autocollections.simulation;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** No simulation has that id. */
public class SimulationNotFoundException extends WordedException {
    public SimulationNotFoundException(String simulationId) {
        super(Message.of("simulation-not-found.detail", simulationId));
    }
}
