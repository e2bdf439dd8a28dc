package org.dclust.api.param;

/** The value types a plugin parameter can take. */
public enum ParamType {
    INT, DOUBLE, BOOLEAN, STRING, CHOICE
}
