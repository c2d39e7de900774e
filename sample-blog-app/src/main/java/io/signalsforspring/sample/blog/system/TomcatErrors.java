package io.signalsforspring.sample.blog.system;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Replaces the error report valve Spring Boot puts on Tomcat's host with
 * {@link ProblemReportValve}, so that even requests Tomcat rejects itself get a problem
 * detail. Runs after Boot's own customizer, which adds the valve it replaces, and names
 * the class to the host, which would otherwise add Tomcat's own when it starts.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
			Pipeline pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemReportValve());
		});
	}

}
