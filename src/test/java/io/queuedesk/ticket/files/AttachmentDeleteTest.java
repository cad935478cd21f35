package io.queuedesk.ticket.files;

import static io.queuedesk.ticket.files.FileTestData.ADMIN;
import static io.queuedesk.ticket.files.FileTestData.DEV_ONE;
import static io.queuedesk.ticket.files.FileTestData.DEV_TWO;
import static io.queuedesk.ticket.files.FileTestData.OTHER_SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.filesSection;
import static io.queuedesk.ticket.files.FileTestData.link;
import static io.queuedesk.ticket.files.FileTestData.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who may delete a file (docs/RULES.md#attachments): admins any; the uploader while the
 * ticket is OPEN; nobody else who sees the ticket (refused with a message, file kept);
 * someone who may not see the file gets 404. Every file added or deleted leaves an
 * activity entry naming it (internal for files of internal notes), shown in the ticket's
 * history; deleting a ticket or a comment takes its files with it.
 */
class AttachmentDeleteTest extends FileTestCase {

	static final String REFUSED = "Only an admin can delete this file now (the uploader can while the ticket is open).";

	long ticket;

	@BeforeEach
	void ticket() {
		ticket = data.ticket(SUBMITTER, DEV_ONE);
	}

	@Test
	void anAdminDeletesAnyFileWithItsChunksAndAnEntry() throws Exception {
		long id = data.addFiles(ticket, SUBMITTER, part("gone-" + data.tag + ".txt", "bytes " + data.tag)).get(0);
		assertThat(data.chunks(id)).isOne();

		delete(id, ADMIN).andExpect(redirectedUrl("/tickets/" + ticket + "#files"));

		assertThat(data.exists(id)).isFalse();
		assertThat(data.chunks(id)).isZero();
		mvc.perform(get("/attachments/{id}", id).with(user(data.account(ADMIN)))).andExpect(status().isNotFound());
		assertThat(data.activity(ticket)).contains(
				"ATTACHMENT_ADDED|" + SUBMITTER + "|gone-" + data.tag + ".txt (14 B)|false",
				"ATTACHMENT_DELETED|" + ADMIN + "|gone-" + data.tag + ".txt (14 B)|false");
		// Both in the history the submitter sees; the file no longer in the files
		// section.
		String page = data.page(ticket, SUBMITTER);
		assertThat(page).contains(">File added<", ">File deleted<", "gone-" + data.tag + ".txt (14 B)");
		assertThat(filesSection(page)).doesNotContain(link(id));
	}

	@Test
	void theUploaderDeletesTheirFileWhileTheTicketIsOpen() throws Exception {
		long id = data.addFiles(ticket, SUBMITTER, part("mine.txt", "mine")).get(0);
		delete(id, SUBMITTER).andExpect(redirectedUrl("/tickets/" + ticket + "#files"));
		assertThat(data.exists(id)).isFalse();
		assertThat(data.activity(ticket)).contains("ATTACHMENT_DELETED|" + SUBMITTER + "|mine.txt (4 B)|false");
	}

	@Test
	void theUploaderIsRefusedOnceTheTicketWasAcceptedAndTheFileIsKept() throws Exception {
		long id = data.addFiles(ticket, SUBMITTER, part("kept.txt", "kept")).get(0);
		assertThat(filesSection(data.page(ticket, SUBMITTER))).contains("action=\"/attachments/" + id + "/delete\"");
		mvc.perform(post("/tickets/{id}/transition", ticket).with(user(data.account(DEV_ONE)))
			.with(csrf())
			.param("to", "ACCEPTED")).andExpect(status().is3xxRedirection());
		assertThat(data.count("select count(*) from tickets where id = ? and status = 'ACCEPTED'", ticket)).isOne();

		MvcResult refused = delete(id, SUBMITTER).andExpect(redirectedUrl("/tickets/" + ticket + "#files")).andReturn();

		assertThat(data.exists(id)).isTrue();
		assertThat(data.chunks(id)).isOne();
		assertThat(data.activity(ticket)).noneMatch(e -> e.startsWith("ATTACHMENT_DELETED|"));
		String page = mvc
			.perform(get("/tickets/{id}", ticket).with(user(data.account(SUBMITTER)))
				.cookie(refused.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(REFUSED);
		assertThat(filesSection(page)).contains(link(id)).doesNotContain("action=\"/attachments/" + id + "/delete\"");
	}

	@Test
	void someoneElseWhoSeesTheTicketIsRefused() throws Exception {
		long bySubmitter = data.addFiles(ticket, SUBMITTER, part("theirs.txt", "theirs")).get(0);
		long byDeveloper = data.addFiles(ticket, DEV_ONE, part("dev.txt", "dev")).get(0);

		delete(bySubmitter, DEV_ONE).andExpect(redirectedUrl("/tickets/" + ticket + "#files"));
		delete(byDeveloper, SUBMITTER).andExpect(redirectedUrl("/tickets/" + ticket + "#files"));

		assertThat(data.exists(bySubmitter)).isTrue();
		assertThat(data.exists(byDeveloper)).isTrue();
		assertThat(data.activity(ticket)).noneMatch(e -> e.startsWith("ATTACHMENT_DELETED|"));
		assertThat(filesSection(data.page(ticket, DEV_ONE)))
			.doesNotContain("action=\"/attachments/" + bySubmitter + "/delete\"")
			.contains("action=\"/attachments/" + byDeveloper + "/delete\"");
	}

	@Test
	void someoneWhoMayNotSeeTheFileGetsNotFound() throws Exception {
		long id = data.addFiles(ticket, SUBMITTER, part("hidden.txt", "hidden")).get(0);
		long note = data.comment(ticket, DEV_ONE, "Note", true, part("note.txt", "note"));
		long noteFile = data.filesOfComment(note).get(0);

		delete(id, DEV_TWO).andExpect(status().isNotFound());
		delete(id, OTHER_SUBMITTER).andExpect(status().isNotFound());
		// The submitter sees the ticket but not the internal note's file.
		delete(noteFile, SUBMITTER).andExpect(status().isNotFound());
		delete(Long.MAX_VALUE, ADMIN).andExpect(status().isNotFound());

		assertThat(data.exists(id)).isTrue();
		assertThat(data.exists(noteFile)).isTrue();
	}

	@Test
	void filesOfInternalNotesHaveInternalEntriesHiddenFromTheSubmitter() throws Exception {
		String name = "secret-" + data.tag + ".txt";
		long note = data.comment(ticket, DEV_ONE, "Internal", true, part(name, "secret"));
		long id = data.filesOfComment(note).get(0);
		delete(id, ADMIN).andExpect(redirectedUrl("/tickets/" + ticket + "#files"));

		assertThat(data.activity(ticket)).contains(
				"ATTACHMENT_ADDED|" + DEV_ONE + "|" + name + " (6 B), internal note #" + note + "|true",
				"ATTACHMENT_DELETED|" + ADMIN + "|" + name + " (6 B), internal note #" + note + "|true");
		assertThat(data.page(ticket, DEV_ONE)).contains(name + " (6 B), internal note #" + note, ">File deleted<");
		assertThat(data.page(ticket, SUBMITTER)).doesNotContain(name)
			.doesNotContain(">File added<")
			.doesNotContain(">File deleted<");
	}

	@Test
	void deletingATicketRemovesItsFilesAndChunks() throws Exception {
		List<Long> own = data.addFiles(ticket, SUBMITTER, part("a.txt", "a"), part("b.txt", "b"));
		long comment = data.comment(ticket, DEV_ONE, "", false, part("c.txt", "c"));
		long note = data.comment(ticket, DEV_ONE, "", true, part("d.txt", "d"));
		List<Long> all = List.of(own.get(0), own.get(1), data.filesOfComment(comment).get(0),
				data.filesOfComment(note).get(0));

		mvc.perform(post("/tickets/{id}/delete", ticket).with(user(data.account(ADMIN))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(data.count("select count(*) from tickets where id = ?", ticket)).isZero();
		assertThat(data.count("select count(*) from attachments where ticket_id = ?", ticket)).isZero();
		for (long id : all) {
			assertThat(data.exists(id)).isFalse();
			assertThat(data.chunks(id)).isZero();
		}
	}

	@Test
	void deletingACommentRemovesItsFilesWithEntries() throws Exception {
		long kept = data.addFiles(ticket, SUBMITTER, part("kept.txt", "kept")).get(0);
		long comment = data.comment(ticket, SUBMITTER, "Two files", false, part("x.txt", "x"), part("y.txt", "yy"));
		List<Long> files = data.filesOfComment(comment);

		mvc.perform(
				post("/tickets/{id}/comments/{c}/delete", ticket, comment).with(user(data.account(ADMIN))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(data.count("select count(*) from comments where id = ?", comment)).isZero();
		for (long id : files) {
			assertThat(data.exists(id)).isFalse();
			assertThat(data.chunks(id)).isZero();
		}
		assertThat(data.exists(kept)).isTrue();
		assertThat(data.activity(ticket)).filteredOn(e -> e.startsWith("ATTACHMENT_DELETED|"))
			.containsExactly("ATTACHMENT_DELETED|" + ADMIN + "|x.txt (1 B), comment #" + comment + "|false",
					"ATTACHMENT_DELETED|" + ADMIN + "|y.txt (2 B), comment #" + comment + "|false");
	}

	private org.springframework.test.web.servlet.ResultActions delete(long id, String email) throws Exception {
		return mvc.perform(post("/attachments/{id}/delete", id).with(user(data.account(email))).with(csrf()));
	}

}
