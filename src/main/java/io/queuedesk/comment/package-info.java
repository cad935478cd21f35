/**
 * Comments, internal notes and system comments; the comment section of the ticket page.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "activity", "attachment", "system", "ticket", "user" })
package io.queuedesk.comment;

import org.springframework.modulith.ApplicationModule;
