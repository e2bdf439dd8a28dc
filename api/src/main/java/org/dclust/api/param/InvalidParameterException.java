package org.dclust.api.param;

import java.util.List;
import org.dclust.api.DclustException;

/** One or more parameter problems, all reported together, each naming the parameter and its valid values. */
public class InvalidParameterException extends DclustException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidParameterException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " configuration problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
