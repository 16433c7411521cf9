"""Evaluation tasks: one module per task, each exposing ``evaluate(data_root, split, ...)``."""
