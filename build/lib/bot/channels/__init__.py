"""Channel adapters: each turns a platform update into `Incoming` and a `Reply` into a message."""
