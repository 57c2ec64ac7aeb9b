"""The fixture library."""
