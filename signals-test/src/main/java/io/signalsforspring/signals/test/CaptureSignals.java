package io.signalsforspring.signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures every signal of the Spring test context during each test, and hands the
 * capture to a {@link CapturedSignals} parameter of the test method:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;CaptureSignals
 * class PostTests {
 *     &#64;Test
 *     void creatingAPostSendsPostSave(CapturedSignals sent) {
 *         posts.create(...);
 *         assertThat(sent).sent(PostSave.class).from(Post.class).with("created", true).once();
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SignalsExtension.class)
public @interface CaptureSignals {

}
