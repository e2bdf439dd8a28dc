package org.dclust.refiners;

import org.dclust.testkit.PluginConformanceSuite;

/** Every refiner passes the shared conformance checks. */
class RefinersConformanceTest extends PluginConformanceSuite {
}
