package io.signalsforspring.signals.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with the whole starter (db-scheduler included), a database, and no
 * durable receiver: the delivery table was never created.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlainApplication {

}
