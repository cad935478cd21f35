package io.queuedesk.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the page controllers whose actions change one ticket at {@code /tickets/{id}/…}:
 * a change that lost a race with another one is answered on that ticket's page, as it is
 * now, with a message ({@link TicketRaceAnswers}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TicketPages {

}
