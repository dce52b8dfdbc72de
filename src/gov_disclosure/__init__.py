"""gov-disclosure (`gd`): a government-information-disclosure work plan kept as validated YAML."""

__version__ = "0.1.0"
