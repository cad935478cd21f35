package io.queuedesk.ticket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.queuedesk.user.SignedInUser;

/**
 * A board of queued tickets (docs/RULES.md#the-board): one column per queued status, in
 * workflow order (Open, Accepted, In progress, On hold), each holding its tickets in the
 * order they arrived in, which is queue order. Each card knows the workflow steps the
 * viewer may take from it, the same ones the ticket page offers as buttons.
 */
public record TicketBoard(List<Column> columns) {

	/** One status's tickets, in queue order. */
	public record Column(TicketStatus status, List<Card> cards) {

		public boolean isEmpty() {
			return cards.isEmpty();
		}

	}

	/**
	 * A ticket on the board and the statuses the viewer may move it to
	 * ({@link TicketStatus#next()} filtered by what the viewer may do).
	 */
	public record Card(TicketRow ticket, List<TicketStatus> nextSteps) {

		/**
		 * The next steps as a space-separated list, for the drag script's data attribute.
		 */
		public String nextStepNames() {
			return String.join(" ", nextSteps.stream().map(Enum::name).toList());
		}

	}

	/**
	 * Sorts rows into the columns, keeping their order; rows that are not queued (none
	 * should be) are left out.
	 */
	public static TicketBoard of(List<TicketRow> rows, SignedInUser viewer) {
		Map<TicketStatus, List<Card>> cards = new EnumMap<>(TicketStatus.class);
		TicketStatus.queued().forEach(status -> cards.put(status, new ArrayList<>()));
		for (TicketRow row : rows) {
			List<Card> column = cards.get(row.status());
			if (column != null) {
				column.add(new Card(row,
						row.status()
							.next()
							.stream()
							.filter(target -> TicketAccess.canTransition(row, target, viewer))
							.toList()));
			}
		}
		return new TicketBoard(TicketStatus.queued()
			.stream()
			.map(status -> new Column(status, List.copyOf(cards.get(status))))
			.toList());
	}

	/** Whether the board holds no card at all. */
	public boolean isEmpty() {
		return columns.stream().allMatch(Column::isEmpty);
	}

}
