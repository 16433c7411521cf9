"""``python -m sayso.cli``."""

from sayso.cli.main import main

main()
