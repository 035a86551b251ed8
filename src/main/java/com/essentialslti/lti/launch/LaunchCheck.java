package com.essentialslti.lti.launch;

/** One named step of launch validation; each cites the clause of the specification it enforces. */
interface LaunchCheck {

    /** The specification clause, e.g. "1EdTech Security Framework 1.0 §5.1.3 step 7". */
    String clause();

    void check(LaunchAttempt attempt) throws LaunchRejected;

    default String name() {
        return getClass().getSimpleName();
    }
}
