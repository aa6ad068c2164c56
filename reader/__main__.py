"""Run skim with ``python -m reader``."""

from reader.cli.main import main

if __name__ == "__main__":  # not when a spawned analysis worker imports the main module
    raise SystemExit(main())
