package io.queuedesk.user;

import java.util.List;

import io.queuedesk.system.PageLinks;

/**
 * One page of the admin user list, by display name.
 *
 * @param number the page, from 0 (pages reached by cursor carry it along)
 * @param total matching users, exact up to {@link UserAdminService#COUNT_CAP}; beyond it
 * {@code capped}
 * @param previous id of the first user of the page, when there is a page before; else
 * null
 * @param next id of the last user of the page, when there is a page after; else null
 * @param tooDeep a page number past {@link UserAdminService#MAX_OFFSET} was asked for: no
 * rows
 */
record UserSlice(List<UserRow> rows, int number, int size, long total, boolean capped, Long previous, Long next,
		boolean tooDeep) {

	public long shownTotal() {
		return Math.min(total, UserAdminService.COUNT_CAP);
	}

	public PageLinks links() {
		return PageLinks.ofCursor(number, size, shownTotal(), capped, previous, next);
	}

}
