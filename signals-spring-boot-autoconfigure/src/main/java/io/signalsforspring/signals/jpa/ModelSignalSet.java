package io.signalsforspring.signals.jpa;

import io.signalsforspring.signals.ModelSignals;

/**
 * The model signals of one application context, as the listeners send them.
 */
record ModelSignalSet(ModelSignals.PreInit preInit, ModelSignals.PostInit postInit, ModelSignals.PreSave preSave,
		ModelSignals.PostSave postSave, ModelSignals.PreDelete preDelete, ModelSignals.PostDelete postDelete,
		ModelSignals.M2mChanged m2mChanged, ModelSignals.ClassPrepared classPrepared) {

}
