package io.queuedesk.ticket;

/**
 * Where a ticket's action buttons send the user back to: the form's {@code returnTo}
 * field names a page, never a URL (so it cannot send anyone elsewhere). {@code queue}:
 * the queue page that now holds the ticket, {@code board}: that queue's board,
 * {@code my-board}: the developer's board, each scrolled to the ticket; anything else:
 * the ticket's page.
 */
public final class ReturnTo {

	/** Tickets on one page of a queue, in the list and on the board alike. */
	public static final int QUEUE_PAGE_SIZE = 50;

	public static final String QUEUE = "queue";

	public static final String BOARD = "board";

	public static final String MY_BOARD = "my-board";

	/**
	 * Where a ticket stands: its client and its position in the client's queue (null when
	 * not queued).
	 */
	public record Place(long clientId, Integer position) {

	}

	private ReturnTo() {
	}

	/** Whether the page to go back to is a queue's, so the ticket's place is needed. */
	public static boolean needsPlace(String returnTo) {
		return QUEUE.equals(returnTo) || BOARD.equals(returnTo);
	}

	/** The redirect back after acting on ticket {@code id}, which now stands at place. */
	public static String redirect(long id, String returnTo, Place place) {
		if (MY_BOARD.equals(returnTo)) {
			return "redirect:/my/board#card-" + id;
		}
		if (needsPlace(returnTo) && place != null) {
			Integer position = place.position();
			String page = position == null || position <= QUEUE_PAGE_SIZE ? ""
					: "?page=" + (position - 1) / QUEUE_PAGE_SIZE;
			return BOARD.equals(returnTo) ? "redirect:/queues/" + place.clientId() + "/board" + page + "#card-" + id
					: "redirect:/queues/" + place.clientId() + page + "#ticket-" + id;
		}
		return "redirect:/tickets/" + id;
	}

}
