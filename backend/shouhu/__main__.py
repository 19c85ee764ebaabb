import sys

from shouhu.cli import main

sys.exit(main())
