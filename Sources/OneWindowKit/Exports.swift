// Findings, ids, outcomes and dates are part of this library's API.
@_exported public import OneWindowCore
