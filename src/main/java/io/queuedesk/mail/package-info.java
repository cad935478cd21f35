/**
 * The mail outbox and its worker, ticket notifications, account mails, the overdue
 * digest, {@code /admin/mail}; in {@code inbound}, mail in (issue 15).
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(
		allowedDependencies = { "account", "attachment", "comment", "reference", "system", "ticket", "user" })
package io.queuedesk.mail;

import org.springframework.modulith.ApplicationModule;
