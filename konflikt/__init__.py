"""The `konflikt` command line."""
