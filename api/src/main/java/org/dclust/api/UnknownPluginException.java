package org.dclust.api;

import java.util.Collection;

/** A plugin name that no registered provider answers to; the message lists the known names. */
public class UnknownPluginException extends DclustException {
    private static final long serialVersionUID = 1L;

    public UnknownPluginException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'; known " + kind + "s: " + String.join(", ", known)
                + " (see ./dclust plugins)");
    }
}
