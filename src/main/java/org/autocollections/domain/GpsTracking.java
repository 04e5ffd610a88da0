package org.autocollections.domain;

public enum GpsTracking {
    ONLINE, OFFLINE, NONE
}
