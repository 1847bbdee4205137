"""The ``kg`` command line: a thin shell over the Python API.

:mod:`kg.cli._util` holds the group :data:`main`, its one error handler and the shared
options; each ``*_cmd`` module registers its command on the group, and importing this
package imports them all. ``kg`` runs :data:`main` (``[project.scripts]``).
"""

# kg.cli.main, the old console-script target kg.cli.main:main, is imported first: were it
# imported after `main` is bound below, Python would rebind kg.cli.main to that module.
import kg.cli.main  # noqa: F401
from kg.cli import (  # noqa: F401 - each registers its commands on main
    build_cmd,
    eval_cmd,
    export_cmd,
    map_cmd,
    merge_cmd,
    query_cmd,
    serve_cmd,
    stats_cmd,
    validate_cmd,
    viz_cmd,
)
from kg.cli._util import main

__all__ = ["main"]
