package io.queuedesk.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real-browser test: the app on a random port (one context shared by all browser test
 * classes), driven by headless Chromium. Tagged "browser" so the PostgreSQL run and
 * {@code -DexcludedGroups} can leave it out; skipped (or failed, in CI) when Chromium is
 * missing, see {@link ChromeAvailable}. One test instance per class, so a class can start
 * its browser once in {@code @BeforeAll}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(ChromeAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@interface BrowserTest {

}
