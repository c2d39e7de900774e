package io.signalsforspring.sample.blog.system;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's JSON is read strictly: a number or a boolean where the API expects text
 * ({@code "title": 123}) is refused with a 400 naming the field, not taken as
 * {@code "123"}. A client that sends the wrong type has a bug worth hearing about.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer noScalarsAsText() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (text) -> {
			text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		});
	}

}
