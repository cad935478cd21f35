/**
 * The admin home {@code /admin}; reads only.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "activity", "system", "ticket" })
package io.queuedesk.dashboard;

import org.springframework.modulith.ApplicationModule;
