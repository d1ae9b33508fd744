"""``python -m graph``: the same as ``batterykg``."""

import sys

from .cli import main

sys.exit(main())
