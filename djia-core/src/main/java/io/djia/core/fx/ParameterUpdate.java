package io.djia.core.fx;

/**
 * A parameter change for an existing processor, prepared on the control thread (where parsing and
 * allocation are allowed) and applied on the audio thread without allocation, so tails and filter
 * states survive the change. Made by {@link Effects#update}.
 */
public interface ParameterUpdate {

    /** Applies the change; {@code processor} must be the kind the update was made for. */
    void applyTo(AudioProcessor processor);
}
