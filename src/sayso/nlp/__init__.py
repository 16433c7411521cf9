"""The only package that loads spaCy. Everything here imports spaCy lazily."""
