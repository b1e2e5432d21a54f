package dev.ganiqa.reports.model;

/** The machine and runtime, so timings are read against the hardware that produced them. */
public record Environment(String javaVersion, String tensorflowVersion, String os, String cpu, int cores) {
}
