package org.autocollections.simulation;

/** The simulation cannot be started or cancelled as asked: another one is running here, or it has ended. */
public class SimulationConflictException extends RuntimeException {
    public SimulationConflictException(String message) {
        super(message);
    }
}
