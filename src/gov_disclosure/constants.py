"""File names, folder names and defaults: one place for each."""

from __future__ import annotations

PLAN_DIR = "plan"
REGISTRY_FILE = "units.yaml"
#: The workspace's settings (plan/workspace.yaml): the documents' script, county, issuer.
SETTINGS_FILE = "workspace.yaml"
PROGRESS_DIR = "progress"
TEMPLATES_DIR = "templates"
REPORT_DIR = "report"
#: The working days no package knows (plan/workdays.yaml).
WORKDAYS_FILE = "workdays.yaml"
#: How this workspace applies what the 條例 leaves open for requests (plan/requests.yaml).
REQUESTS_SETTINGS_FILE = "requests.yaml"
#: The request registers: requests/<year>/<unit-id>.yaml; personal data under requests/private/.
REQUESTS_DIR = "requests"
PRIVATE_DIR = "private"

ROOT_ENV = "GD_ROOT"
DEBUG_ENV = "GD_DEBUG"

#: Plan files are named after their year: plan/2020.yaml (one spelling: .yaml).
PLAN_FILE_PATTERN = r"^(\d{4})\.yaml$"
#: No plan is older than this (plan/0000.yaml is a mistake, not a plan).
FIRST_PLAN_YEAR = 1990

#: Deepest nesting accepted in a YAML file (a plan needs about 6 levels).
MAX_YAML_DEPTH = 64

#: Largest workspace file read, in bytes.
MAX_FILE_BYTES = 32 * 1024 * 1024

#: The county's own name, which people may or may not type before a unit name.
COUNTY_PREFIXES = ("師宗縣", "师宗县", "師宗", "师宗")

#: `gd due` flags as "soon" what is due within this many days.
DUE_WARN_DAYS = 14
#: `gd requests due` flags as "soon" what is due within this many days (about 5 working days).
REQUEST_WARN_DAYS = 7
