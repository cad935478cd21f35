/**
 * The queue engine: every change of a ticket's place in its client's priority queue
 * (invariant Q, docs/RULES.md). No pages: the queue page is {@code ticket.queue}.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "system" })
package io.queuedesk.queue;

import org.springframework.modulith.ApplicationModule;
