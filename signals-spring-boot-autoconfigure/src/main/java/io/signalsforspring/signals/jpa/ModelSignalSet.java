package io.signalsforspring.signals.jpa;

import java.util.List;

import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.Signal;

/**
 * The model signals of one application context, as the listeners send them.
 */
record ModelSignalSet(ModelSignals.PreInit preInit, ModelSignals.PostInit postInit, ModelSignals.PreSave preSave,
		ModelSignals.PostSave postSave, ModelSignals.PreDelete preDelete, ModelSignals.PostDelete postDelete,
		ModelSignals.M2mChanged m2mChanged, ModelSignals.ClassPrepared classPrepared) {

	/**
	 * The signals a flush can send, which receivers that wait for the commit must see
	 * before it.
	 */
	List<Signal> sentByFlush() {
		return List.of(this.preSave, this.postSave, this.preDelete, this.postDelete, this.m2mChanged);
	}

}
