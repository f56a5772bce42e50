"""Runs Debian's Locust with a version string. python3-locust 2.12.1 ships an empty locust.__version__, and a
master then turns its workers away as "pre 2.0" (see design.md, "Debian's Locust 2.12.1 can run distributed").
Usage is Locust's own: python3 stack/app/locust_run.py -f load_testing/locustfile.py --worker ..."""
import sys
import types

if "locust._version" not in sys.modules:
    version = types.ModuleType("locust._version")
    version.version = "2.12.1"
    sys.modules["locust._version"] = version

from locust.main import main  # noqa: E402  (after the version module is in place)

sys.argv[0] = "locust"
sys.exit(main())
