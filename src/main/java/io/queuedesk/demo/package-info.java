/**
 * Demo data and the commands {@code populate-database}, {@code reset-database},
 * {@code generate-data} (plain SQL into every table; see docs/ARCHITECTURE.md,
 * table-level dependencies).
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "comment", "queue", "system", "ticket", "user" })
package io.queuedesk.demo;

import org.springframework.modulith.ApplicationModule;
