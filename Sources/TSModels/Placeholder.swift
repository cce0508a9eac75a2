enum TSModelsPlaceholder {}
