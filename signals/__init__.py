"""What is read from a complaint: schema, loading, anonymisation, features."""
