package org.dclust.testkit;

/** The testkit's own backbone, and the test head and soft assignment, pass the shared declaration checks. */
class TestkitConformanceTest extends PluginConformanceSuite {
}
