package org.autocollections.api;

public enum GpsTracking {
    ONLINE, OFFLINE, NONE
}
