#!/usr/bin/python3
# smtp-sink.py — a local SMTP server for test-mail: every message it
# receives is written to FOLDER as N.env (envelope sender on the first
# line, one recipient per following line) and N.eml (the raw content).
# Python's own MIME parser decodes it too, as an independent reader:
# N.to (the To header), N.subject, N.body (the text part, "\n" line
# ends), N.att-K and N.att-K.name (each attachment's bytes and name).
# Prints the port it listens on (127.0.0.1) and runs until stdin closes.
#
# usage: smtp-sink.py FOLDER [PORT] [--starttls CERT KEY | --tls CERT KEY]
#                    [--auth USER PASSWORD]
#   --starttls: offers STARTTLS and refuses any mail before it (RFC 3207)
#   --tls:      TLS from the first byte (smtps)
#   --auth:     requires a login with this user and password, over TLS
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email
import email.policy
import argparse
import logging
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword, TLSSetupException


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


class Authenticator:
    """Accepts one user with one password (LOGIN and PLAIN)"""

    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == self.user
              and auth_data.password == self.password)
        # handled=False: aiosmtpd answers 535 itself on a failure
        return AuthResult(success=ok, handled=False)


def server_context(cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def main():
    # aiosmtpd 1.4 warns about its own Session.login_data after each
    # login, and logs a traceback when a client refuses our certificate,
    # which some tests expect: keep only the other errors
    log = logging.getLogger('mail.log')
    log.setLevel(logging.ERROR)
    log.addFilter(lambda record: not (record.exc_info and
                                      isinstance(record.exc_info[1], TLSSetupException)))
    parser = argparse.ArgumentParser()
    parser.add_argument('folder')
    parser.add_argument('port', nargs='?', type=int, default=0)
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument('--starttls', nargs=2, metavar=('CERT', 'KEY'))
    tls.add_argument('--tls', nargs=2, metavar=('CERT', 'KEY'))
    parser.add_argument('--auth', nargs=2, metavar=('USER', 'PASSWORD'))
    args = parser.parse_args()
    port = args.port or free_port()
    options = {}
    if args.starttls:
        options['tls_context'] = server_context(*args.starttls)
        options['require_starttls'] = True
    if args.tls:
        options['ssl_context'] = server_context(*args.tls)
    if args.auth:
        options['authenticator'] = Authenticator(*args.auth)
        options['auth_required'] = True
        # aiosmtpd 1.4 counts only STARTTLS as TLS for AUTH: over
        # implicit TLS the login must be allowed explicitly
        options['auth_require_tls'] = not args.tls
    controller = Controller(Sink(args.folder), hostname='127.0.0.1', port=port,
                            **options)
    controller.start()
    print(port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == '__main__':
    main()
