"""Officers: their accounts and credentials (`service`), the area whose cases and people each
one sees (`scope`), the audit trail of sign-ins and changes (`audit`), and the throttling of
failed sign-ins (`login_throttle`)."""
