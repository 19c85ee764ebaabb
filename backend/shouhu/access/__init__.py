"""Authorization in one place: the principal, read scopes, write policies and the audit trail."""
