/**
 * The shared technical base every module uses: security configuration, error pages,
 * database plumbing, validation, flash messages, paging helpers, the command runner.
 * <p>
 * It depends on no feature module (empty {@code allowedDependencies};
 * {@code ModularityTest} fails when it uses one). The other modules list {@code "system"}
 * in their {@code allowedDependencies} like any other module, rather than this one being
 * {@code Type.OPEN}: an open module exposes its internal types (and sub-packages it may
 * grow) to everyone, and the explicit lists keep each module's complete set of
 * dependencies in one place.
 */
@ApplicationModule(allowedDependencies = {})
package io.queuedesk.system;

import org.springframework.modulith.ApplicationModule;
