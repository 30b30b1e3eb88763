"""Training, evaluation, reports, the synthetic corpus and the registry's writing side."""
