/**
 * Tickets: raising, viewing, editing, withdrawing; the workflow and assignment; moves and
 * transfers and the queue page ({@code ticket.queue}); the lists, the archive and the
 * JSON API.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "activity", "attachment", "queue", "reference", "system", "user" })
package io.queuedesk.ticket;

import org.springframework.modulith.ApplicationModule;
