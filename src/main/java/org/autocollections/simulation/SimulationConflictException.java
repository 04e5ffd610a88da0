package org.autocollections.simulation;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** The simulation cannot be started or cancelled as asked: another one is running here, or it has ended. */
public class SimulationConflictException extends WordedException {
    public SimulationConflictException(Message message) {
        super(message);
    }
}
