"""Prints what Python's email package reads from one message file, as JSON (used by the composer round-trip tests)."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_bytes(f.read(), policy=email.policy.default)

body = msg.get_body(preferencelist=("plain",))
html = msg.get_body(preferencelist=("html",))
print(json.dumps({
    "subject": str(msg["subject"]),
    "from": [msg["from"].addresses[0].display_name, msg["from"].addresses[0].addr_spec],
    "to": [[a.display_name, a.addr_spec] for a in msg["to"].addresses] if msg["to"] else [],
    "messageId": str(msg["message-id"]),
    "inReplyTo": str(msg["in-reply-to"]) if msg["in-reply-to"] else None,
    "autoSubmitted": str(msg["auto-submitted"]) if msg["auto-submitted"] else None,
    "text": body.get_content() if body is not None else None,
    "html": html.get_content() if html is not None else None,
    "attachments": [[p.get_filename(), p.get_content_type(), len(p.get_payload(decode=True))] for p in msg.iter_attachments()],
    "defects": [type(d).__name__ for p in msg.walk() for d in p.defects],
}, ensure_ascii=False))
