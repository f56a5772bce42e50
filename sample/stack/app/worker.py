"""Stands in for the celery worker of the `celery` profile: says it is ready, then prints a heartbeat line every
few seconds, so `logs --follow` has something to stream."""
import os
import signal
import sys
import time

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
print("celery: worker ready (broker: none, this is a stand-in)", flush=True)
beat = 0
while True:
    beat += 1
    print(f"celery: heartbeat {beat}", flush=True)
    time.sleep(float(os.environ.get("HEARTBEAT_SECONDS", "2")))
