package io.signalsforspring.signals.test.slice;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application as {@code @DataJpaTest} finds it: only its JPA parts are loaded. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SliceApplication {

}
