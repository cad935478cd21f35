package io.queuedesk.user;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * The colour mode buttons in the footer: the mode chosen and the page to return to (a
 * local path only, see {@link ColorModeController}).
 */
record ColorModeForm(@NotNull ColorMode colorMode, @Nullable String returnTo) {
}
