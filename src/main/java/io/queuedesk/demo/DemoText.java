package io.queuedesk.demo;

import java.util.List;

/**
 * The texts of the demo's tickets and comments: an insurance-software company's support
 * desk (policies, billing, claims, reports). Each description says how to reproduce the
 * problem, what was expected and what happened, as the new-ticket form asks.
 */
final class DemoText {

	private DemoText() {
	}

	/** A ticket's title and description. */
	record Text(String title, String description) {
	}

	/**
	 * The 12 queued tickets, four per client in queue order; the n-th is in product area
	 * n mod 4 (Policies, Billing, Claims, Reports).
	 */
	static final List<Text> QUEUED = List.of(new Text("Renewal letters show the old premium", """
			Steps to reproduce:
			1. Open a household policy that renews next month (e.g. HH-2024-0815).
			2. Policy > Premium > Adjust: raise the premium and save.
			3. Documents > Renewal: print the renewal letter.

			Expected: the letter shows the new annual premium.
			Actual: it shows last year's premium, while the policy overview shows the new one."""),
			new Text("Export of monthly invoices times out", """
					Steps to reproduce:
					1. Billing > Invoices > Export.
					2. Choose last month and the CSV format.
					3. Click Export.

					Expected: a CSV file with all invoices of the month (about 40,000 rows).
					Actual: after about a minute the page shows "Gateway timeout" and no file arrives. \
					Exporting a single week works."""), new Text("Claim form rejects dates in February", """
					Steps to reproduce:
					1. Claims > New claim.
					2. Enter 14 February of this year as the date of loss.
					3. Submit the form.

					Expected: the claim is saved.
					Actual: "Date of loss is not a valid date" next to the field. Dates in January \
					and March are accepted."""), new Text("Add a column for the broker to the claims report", """
					Our brokers team needs to see which broker placed the policy of each claim.

					Steps to reproduce:
					1. Reports > Claims > Monthly.
					2. Run the report for last month.

					Expected: a column "Broker" with the broker's name (empty for direct business), \
					in the Excel export too.
					Actual: there is no broker column; the team looks up each policy by hand."""),
			new Text("Policy PDF misses the second page", """
					Steps to reproduce:
					1. Open a fleet policy with more than 20 vehicles.
					2. Documents > Policy schedule > Download PDF.

					Expected: the whole schedule, every vehicle, over several pages.
					Actual: the PDF ends after the first page; the vehicle list stops at vehicle 18. \
					Policies with fewer vehicles are fine."""), new Text("Direct debit mandate not saved", """
					Steps to reproduce:
					1. Customer > Payment > Add direct debit mandate.
					2. Enter the IBAN and today as the mandate date.
					3. Save.

					Expected: the mandate is listed as active and the next invoice is collected by \
					direct debit.
					Actual: the page says "Saved", but after reloading the payment method is still \
					"Invoice"."""), new Text("Attachment upload fails for large photos", """
					Steps to reproduce:
					1. Open a claim.
					2. Attach a photo taken with a phone (JPEG, about 12 MB).

					Expected: the photo appears among the claim's documents.
					Actual: "Upload failed" once the progress bar reaches 100 %. Photos under 10 MB \
					work."""), new Text("Quarterly report totals do not match", """
					Steps to reproduce:
					1. Reports > Premiums > Quarterly, third quarter.
					2. Add up the totals of the three monthly reports of the quarter.

					Expected: the same total.
					Actual: the quarterly total is 1,240.50 EUR lower. Cancellations in the last week \
					of a month seem to be counted twice."""), new Text("Allow cancelling a policy mid-term", """
					Today a policy can only be cancelled at its renewal date. Customers who move abroad \
					need to cancel at the end of any month, with the premium refunded pro rata.

					Steps to reproduce:
					1. Policy > Cancel.
					2. Try to choose a date other than the renewal date.

					Expected: any end of month can be chosen; the refund is shown before confirming.
					Actual: the date field offers the renewal date only."""),
			new Text("Billing address cannot be changed", """
					Steps to reproduce:
					1. Customer > Addresses.
					2. Edit the billing address (a new street) and save.

					Expected: the next invoice goes to the new address.
					Actual: the form says "Address is in use" and keeps the old one. Changing the \
					postal address works."""), new Text("Claims list is slow with many entries", """
					Steps to reproduce:
					1. Claims > All claims.
					2. Filter by status "Open" (about 9,000 claims).

					Expected: the first page within a second or two.
					Actual: it takes 25 to 30 seconds, and sorting by date as long again. Clients with \
					fewer claims see the list at once."""), new Text("Report scheduler sends duplicates", """
					Steps to reproduce:
					1. Reports > Schedules.
					2. Schedule the weekly premium report for Mondays at 07:00 to the finance team.

					Expected: one mail every Monday.
					Actual: the finance team gets the report two or three times each Monday, a few \
					minutes apart."""));

	/** The completed tickets of the archive. */
	static final Text ROUNDING = new Text("Premium invoices round cents the wrong way", """
			Steps to reproduce:
			1. Create a policy with an annual premium of 1,000.00 EUR, paid monthly.
			2. Look at its twelve invoices.

			Expected: eleven invoices of 83.33 and one of 83.37, 1,000.00 in total.
			Actual: twelve invoices of 83.34, 1,000.08 in total.""");

	static final Text POSTCODE = new Text("Policy search ignores the postcode filter", """
			Steps to reproduce:
			1. Policies > Search.
			2. Enter the postcode 80331 and search.

			Expected: only the policies with that postcode.
			Actual: every policy of the client is listed; the filter is ignored.""");

	static final Text STATUS_MAIL = new Text("Claim status mail links to the login page", """
			Steps to reproduce:
			1. Set a claim's status to "In review".
			2. Open the link in the status mail the customer gets.

			Expected: the claim's status page (after signing in, if needed).
			Actual: the login page, and after signing in the start page instead of the claim.""");

	static final Text CANCELLED_CLAIMS = new Text("Monthly claims report misses cancelled claims", """
			Steps to reproduce:
			1. Reports > Claims > Monthly, for last month.
			2. Compare its count with Claims > All claims filtered by the same month.

			Expected: both count 412 claims, the cancelled ones included (and marked as such).
			Actual: the report counts 398; the 14 cancelled claims are missing.""");

}
