"""What is stated about the outlets, built from the measures."""
