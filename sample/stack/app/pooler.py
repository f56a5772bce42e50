"""Stands in for pgbouncer: a TCP relay on 127.0.0.1:$PGBOUNCER_PORT to the web app's port, so the overlay file
adds a real extra hop the way the team's pgbouncer overlay adds a pooler in front of the database."""
import os
import signal
import socket
import sys
import threading

LISTEN = int(os.environ.get("PGBOUNCER_PORT", "6432"))
TARGET = int(os.environ.get("WEB_PORT", "8000"))


def pipe(src, dst):
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = socket.create_server(("127.0.0.1", LISTEN))
    print(f"pgbouncer: pooling 127.0.0.1:{LISTEN} -> 127.0.0.1:{TARGET}", flush=True)
    while True:
        client, _ = server.accept()
        upstream = socket.create_connection(("127.0.0.1", TARGET))
        threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()


if __name__ == "__main__":
    main()
