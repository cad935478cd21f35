package io.queuedesk.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's security rules for {@code @WebMvcTest} slices, which do not pick up
 * configuration classes by themselves (SecurityConfig is package-private, this is the
 * public door).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class SliceSecurity {

}
