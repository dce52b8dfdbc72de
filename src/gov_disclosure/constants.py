"""File names, folder names and defaults: one place for each."""

from __future__ import annotations

PLAN_DIR = "plan"
REGISTRY_FILE = "units.yaml"
#: The workspace's settings (plan/workspace.yaml): the documents' script, county, issuer.
SETTINGS_FILE = "workspace.yaml"
PROGRESS_DIR = "progress"
TEMPLATES_DIR = "templates"
REPORT_DIR = "report"

ROOT_ENV = "GD_ROOT"
DEBUG_ENV = "GD_DEBUG"

#: Plan files are named after their year: plan/2020.yaml.
PLAN_FILE_PATTERN = r"^(\d{4})\.ya?ml$"

#: Deepest nesting accepted in a YAML file (a plan needs about 6 levels).
MAX_YAML_DEPTH = 64

#: Largest workspace file read, in bytes.
MAX_FILE_BYTES = 32 * 1024 * 1024

#: The county's own name, which people may or may not type before a unit name.
COUNTY_PREFIXES = ("師宗縣", "师宗县", "師宗", "师宗")
