#!/usr/bin/env python3
"""A real SMTP server for the email tests (Debian python3-aiosmtpd): accepts everything on 127.0.0.1:PORT and
writes each message to FOLDER as NNNNN.eml (the raw message) beside NNNNN.json (envelope sender and recipients).
The .json is written first and the .eml renamed into place last, so a reader that sees the .eml sees both.
Usage: smtp_sink.py PORT FOLDER. Prints "ready" once listening; runs until killed."""
import json, os, sys, threading, time
from aiosmtpd.controller import Controller

class Sink:
    def __init__(self, folder):
        self.folder, self.count, self.lock = folder, 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            base = os.path.join(self.folder, f"{self.count:05d}")
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(base + ".tmp", base + ".eml")
        return "250 Message accepted"

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
