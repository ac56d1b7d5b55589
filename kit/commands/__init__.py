"""The command line, one module per command; kit/cli.py lists them in its table `COMMANDS`."""
