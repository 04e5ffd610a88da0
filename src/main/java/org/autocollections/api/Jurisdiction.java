package org.autocollections.api;

public enum Jurisdiction {
    CN, US
}
