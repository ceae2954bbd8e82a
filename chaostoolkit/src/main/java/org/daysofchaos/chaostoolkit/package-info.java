/**
 * Chaos Toolkit experiments: read as Chaos Toolkit defines them ({@link ExperimentReader}), checked
 * for leaks ({@link Lint}), translated into our scenarios ({@link Translator}) and run with our
 * injectors, ledger and journal ({@link ExperimentRunner}), rollbacks always. The common Python
 * providers map to our own kinds ({@link PythonProviders}); any other is refused before anything
 * runs. docs/chaos-toolkit.md, ADR 0016.
 */
package org.daysofchaos.chaostoolkit;
