/**
 * Mail in (SPEC §10, issue 15). The {@link InboundMailLog} records every message that
 * came in and its outcome, and makes each processed once by its Message-ID (a unique
 * key). Messages come in by the {@link MailboxPoller} (IMAP) and
 * {@code POST /api/inbound-mail}, both through the {@link InboundMailProcessor}. Pure
 * parts: {@link HtmlText} turns an HTML-only body into plain text, {@link ReplyText} cuts
 * a reply down to what the person wrote. The corpus of replies they are tested on is
 * under {@code src/test/resources/io/queuedesk/mail/inbound/replies}.
 */
package io.queuedesk.mail.inbound;
