"""The evaluation harness: one task per capability, scored the way its dataset is published.

Each task module in ``sayso.eval.tasks`` exposes
``evaluate(data_root, split="dev", *, limit=None, baselines=True) -> TaskReport``.
"""
