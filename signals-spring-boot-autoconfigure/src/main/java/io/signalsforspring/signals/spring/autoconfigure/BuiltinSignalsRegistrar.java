package io.signalsforspring.signals.spring.autoconfigure;

import java.beans.Introspector;
import java.util.List;

import io.signalsforspring.signals.AuthSignals;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.RequestSignals;
import io.signalsforspring.signals.Signal;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one bean of each built-in signal ({@code postSave}, {@code preDelete}, ...)
 * unless the context (or an ancestor) already has a bean of that type.
 */
class BuiltinSignalsRegistrar implements ImportBeanDefinitionRegistrar {

	static final List<Class<? extends Signal>> BUILTINS = List.of(ModelSignals.PreInit.class,
			ModelSignals.PostInit.class, ModelSignals.PreSave.class, ModelSignals.PostSave.class,
			ModelSignals.PreDelete.class, ModelSignals.PostDelete.class, ModelSignals.M2mChanged.class,
			ModelSignals.ClassPrepared.class, ModelSignals.PreMigrate.class, ModelSignals.PostMigrate.class,
			RequestSignals.RequestStarted.class, RequestSignals.RequestFinished.class,
			RequestSignals.GotRequestException.class, DatabaseSignals.ConnectionCreated.class,
			AuthSignals.UserLoggedIn.class, AuthSignals.UserLoggedOut.class, AuthSignals.UserLoginFailed.class);

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (Class<? extends Signal> type : BUILTINS) {
			if (registry instanceof ListableBeanFactory beans
					&& BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans, type, true, false).length > 0) {
				continue;
			}
			String name = Introspector.decapitalize(type.getSimpleName());
			if (!registry.containsBeanDefinition(name)) {
				registry.registerBeanDefinition(name, new RootBeanDefinition(type));
			}
		}
	}

}
