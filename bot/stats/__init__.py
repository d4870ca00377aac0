"""The province's picture: aggregate counts of the register, cases and training, by area."""
