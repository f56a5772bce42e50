"""Stands in for the Django app: serves what load_testing/locustfile.py asks for, on 127.0.0.1:$WEB_PORT.

/ and /?q=... answer 200 with a small page, /data.json answers JSON, anything else 404 (the locustfile counts
that as a failure on purpose). When DATABASE_URL names the pgbouncer overlay's pooler, / reports it, so the
overlay visibly changes the app."""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("WEB_PORT", "8000"))
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://127.0.0.1:5432/app (direct)")


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body, kind):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/":
            self._send(200, f"<html><body><h1>sample app</h1><p>database: {DATABASE_URL}</p></body></html>", "text/html")
        elif path == "/data.json":
            self._send(200, json.dumps({"items": list(range(10)), "database": DATABASE_URL}), "application/json")
        elif path == "/health":
            self._send(200, "ok", "text/plain")
        else:
            self._send(404, "not found", "text/plain")

    def log_message(self, format, *args):
        # One line per request on stdout, so `logs --follow` shows traffic.
        print(f"web: {self.command} {self.path} {args[1] if len(args) > 1 else ''}", flush=True)


def main():
    # PID 1 in a container ignores SIGTERM unless a handler is set: stop promptly on `down`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    print(f"web: listening on http://127.0.0.1:{PORT} (database {DATABASE_URL})", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
