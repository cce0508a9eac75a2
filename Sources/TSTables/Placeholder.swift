enum TSTablesPlaceholder {}
