/**
 * Self-service account flows on top of {@code user}: registration, password reset and
 * change, the single-use links, setting up two-factor authentication ({@code /register},
 * {@code /password/…}, {@code /account/password}, {@code /account/2fa}).
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "system", "user" })
package io.queuedesk.account;

import org.springframework.modulith.ApplicationModule;
