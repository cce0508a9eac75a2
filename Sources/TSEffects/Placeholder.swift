enum TSEffectsPlaceholder {}
