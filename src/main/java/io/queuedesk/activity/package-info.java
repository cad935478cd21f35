/**
 * The append-only audit trail: entries written in the caller's transaction, read back as
 * records ({@link io.queuedesk.activity.ActivityEntry}); {@code /admin/activity} and its
 * CSV export.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "system" })
package io.queuedesk.activity;

import org.springframework.modulith.ApplicationModule;
