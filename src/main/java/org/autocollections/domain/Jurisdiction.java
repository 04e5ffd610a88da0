package org.autocollections.domain;

public enum Jurisdiction {
    CN, US
}
