#!/usr/bin/python3
# smtp-sink.py — a local SMTP server for test-mail: every message it
# receives is written to FOLDER as N.env (envelope sender on the first
# line, one recipient per following line) and N.eml (the raw content).
# Python's own MIME parser decodes it too, as an independent reader:
# N.to (the To header), N.subject, N.body (the text part, "\n" line
# ends), N.att-K and N.att-K.name (each attachment's bytes and name).
# Prints the port it listens on (127.0.0.1) and runs until stdin closes.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email
import email.policy
import os
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.folder, str(n))
        # the .eml first, then the .env renamed into place: the test
        # waits for the .env and then finds a complete message
        raw = envelope.original_content or envelope.content
        with open(base + '.eml', 'wb') as f:
            f.write(raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        with open(base + '.to', 'w', encoding='utf-8') as f:
            f.write(str(message['To']))
        with open(base + '.subject', 'w', encoding='utf-8') as f:
            f.write(str(message['Subject']))
        text = message.get_body(preferencelist=('plain',))
        with open(base + '.body', 'w', encoding='utf-8', newline='') as f:
            f.write(text.get_content().replace('\r\n', '\n') if text else '')
        for k, part in enumerate(message.iter_attachments()):
            with open('%s.att-%d' % (base, k), 'wb') as f:
                f.write(part.get_content())
            with open('%s.att-%d.name' % (base, k), 'w', encoding='utf-8') as f:
                f.write(part.get_filename() or '')
        with open(base + '.env.tmp', 'w') as f:
            f.write(envelope.mail_from + '\n')
            for rcpt in envelope.rcpt_tos:
                f.write(rcpt + '\n')
        os.rename(base + '.env.tmp', base + '.env')
        return '250 Message accepted for delivery'


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if port == 0:
        port = free_port()
    controller = Controller(Sink(folder), hostname='127.0.0.1', port=port)
    controller.start()
    print(port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == '__main__':
    main()
