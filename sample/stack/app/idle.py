"""Keeps a service running so programs can be started in it with `exec` (pytest, Locust); stops on SIGTERM."""
import signal
import sys

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
print("idle: ready for exec", flush=True)
signal.pause()
