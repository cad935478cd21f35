package io.queuedesk.queue;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param segmentSize how many queued tickets one row of {@code queue_segments} counts
 * before it is split (see {@link Segments}) ({@code queuedesk.queue.segment-size},
 * default in {@code application.properties})
 */
@Validated
@ConfigurationProperties("queuedesk.queue")
public record QueueSettings(@Min(2) int segmentSize) {
}
