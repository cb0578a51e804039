// The facade: one import gives an embedder the whole library.
// Findings, ids, outcomes, dates and the typed packets.
@_exported public import OneWindowCore
// Rule descriptors, settings and the catalogue.
@_exported public import OneWindowRules
// Validating packets: `OneWindow`, sources, options, reports.
@_exported public import OneWindowValidation
// The registry workflows: `Registry`, receipts, views.
@_exported public import OneWindowRegistry
// Replaying scenarios.
@_exported public import OneWindowReplay
// Renderers.
@_exported public import OneWindowReports
