/**
 * Files on tickets and comments (docs/RULES.md#attachments): the limits, the content type
 * detected from the bytes, thumbnails, and the store that streams files into and out of
 * the database a chunk at a time. Who may see, add or delete a file is decided by the
 * features that own tickets and comments; this module only keeps the files and writes
 * their activity entries in the caller's transaction.
 * <p>
 * {@code allowedDependencies} lists every module this one uses today
 * (docs/ARCHITECTURE.md, module map); {@code ModularityTest} fails on any other
 * dependency. Add a module here only together with the code that needs it, and never one
 * that depends on this module.
 */
@ApplicationModule(allowedDependencies = { "activity", "system", "user" })
package io.queuedesk.attachment;

import org.springframework.modulith.ApplicationModule;
