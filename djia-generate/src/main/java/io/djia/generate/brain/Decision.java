package io.djia.generate.brain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One decision of a DJ brain. Serialised as flat JSON with an {@code action_type} field:
 * {@code manage_layer}, {@code speech}, {@code set_phase}, {@code set_tempo}, {@code set_key}.
 * Every decision carries a one-sentence {@code reasoning}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action_type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ManageLayer.class, name = "manage_layer"),
    @JsonSubTypes.Type(value = Speech.class, name = "speech"),
    @JsonSubTypes.Type(value = SetPhase.class, name = "set_phase"),
    @JsonSubTypes.Type(value = SetTempo.class, name = "set_tempo"),
    @JsonSubTypes.Type(value = SetKey.class, name = "set_key")
})
public sealed interface Decision permits ManageLayer, Speech, SetPhase, SetTempo, SetKey {
    String reasoning();
}
