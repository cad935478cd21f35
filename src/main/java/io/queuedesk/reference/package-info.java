/**
 * Reference data: clients and product areas, read access for the other modules and their
 * admin pages ({@code /admin/clients}, {@code /admin/product-areas}).
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "system" })
package io.queuedesk.reference;

import org.springframework.modulith.ApplicationModule;
