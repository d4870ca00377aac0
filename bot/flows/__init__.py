"""Forms as named steps: training registration and case report."""
