package dev.strata.stray;

/** A planted violation: a Strata class in no layer at all. */
public class StrayClass {
}
