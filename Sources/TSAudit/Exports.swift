@_exported import TSCore
