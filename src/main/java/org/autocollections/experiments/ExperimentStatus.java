package org.autocollections.experiments;

/** Where an experiment stands: PROPOSED -> APPROVED -> RUNNING <-> PAUSED -> STOPPED. */
public enum ExperimentStatus {
    /** Created by an analyst; a second person must approve it. */
    PROPOSED,
    /** Approved by an approver other than its creator; not yet deciding anything. */
    APPROVED,
    /** Its arms decide the cases of its segment. */
    RUNNING,
    /** Every case gets the champion until it is resumed; the arms and the assignments stay. */
    PAUSED,
    /** Over for good: stopped, or ended by promoting an arm. */
    STOPPED
}
