/**
 * The user core: accounts and roles, sign-in support, user administration
 * ({@code /admin/users}), the colour mode ({@code /account/color-mode});
 * {@link io.queuedesk.user.UserAccounts} is what {@code account} changes a user through.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "activity", "system" })
package io.queuedesk.user;

import org.springframework.modulith.ApplicationModule;
