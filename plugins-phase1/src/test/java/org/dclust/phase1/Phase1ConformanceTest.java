package org.dclust.phase1;

import org.dclust.testkit.PluginConformanceSuite;

/** Every phase-1 plugin passes the shared conformance checks. */
class Phase1ConformanceTest extends PluginConformanceSuite {
}
