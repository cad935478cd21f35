package io.queuedesk.dashboard;

/** The dashboard's date range as typed (yyyy-MM-dd), text so that a bad value gets a message. */
public class DashboardFilter {

	private String from;

	private String to;

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

}
