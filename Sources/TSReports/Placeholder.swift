enum TSReportsPlaceholder {}
