// Findings, ids, outcomes and dates are part of this library's API.
@_exported public import OneWindowCore
// Rule settings and descriptors appear in the options and the catalogue.
@_exported public import OneWindowRules
