"""Writes oracle.jsonl: what Python's email package reads from each corpus message.

Run offline from the repository root: python3 tests/SuperTickets.Mail.Tests/Data/make_oracle.py
The output is checked in; the tests compare the C# parser against it.
"""
import email
import email.policy
import email.utils
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
MIME = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "mime"))
FOLDERS = ["messages", "partial", "compliance", "large"]

# Where Python's reading is demonstrably wrong or where we deliberately recover more, the expectation is
# corrected by hand; each entry says why.
CORRECTIONS = {
    # "(EDT) -0400": Python lets the comment hide the numeric zone.
    "messages/disposition-notification.txt": {"date": "1995-09-20T00:19:00-04:00"},
    "messages/disposition-notification.anonymized.eml": {"date": "1995-09-20T00:19:00-04:00"},
    # Unquoted display name containing '@' before an angle address: the angle address is the mailbox.
    "messages/issue358.txt": {"fromAddress": "jang.abcdef@xyzlinux12345678.it"},
    # The boundary is recovered from the body, so the attachment is found.
    "compliance/missing-multipart-boundary.eml": {"files": [{"name": "attachment.dat", "size": 9}]},
    "compliance/missing-multipart-boundary-parameter.eml": {"files": [{"name": "attachment.dat", "size": 9}]},
    # Damaged base64 is decoded leniently (valid alphabet characters only) instead of returned raw.
    "compliance/invalid-content-transfer-encoding-multiple.eml": {"files": [{"name": "attachment.dat", "size": 9}]},
    # An unterminated run of encoded words is not a mailbox.
    "messages/stack-overflow.txt": {"to": ["test@test.com"]},
    # A UTF-8 byte order mark before the first header is skipped.
    "messages/feedback-report.txt": {"to": ["abuse@example.net"], "subject": "FW: Earn money",
                                     "fromAddress": "abusedesk@example.com", "date": "2005-03-08T17:40:36-04:00"},
    # Raw 8-bit header text is read in the charset the message declares (koi8-r).
    "compliance/raw-koi8r-header.eml": {"subject": "Откуда он появился?"},
}


def leaves(part):
    """Leaf parts, not descending into embedded messages (the C# side lists those as one attachment)."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        for child in part.get_payload():
            yield from leaves(child)
    else:
        yield part


def safe(fn):
    try:
        return fn()
    except Exception:
        return None


def describe(name, raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    row = {"file": name}
    row["subject"] = safe(lambda: str(msg["subject"]) if msg["subject"] is not None else None)
    addrs = safe(lambda: email.utils.getaddresses([str(msg["from"])]) if msg["from"] is not None else [])
    if addrs:
        row["fromAddress"] = addrs[0][1]
    row["messageId"] = safe(lambda: str(msg["message-id"]).strip().strip("<>") if msg["message-id"] else None)
    row["to"] = safe(lambda: [a for _, a in email.utils.getaddresses([str(v) for v in msg.get_all("to", [])]) if a])
    date = safe(lambda: msg["date"].datetime.isoformat() if msg["date"] and msg["date"].datetime else None)
    row["date"] = date
    files = []
    for part in leaves(msg):
        fname = safe(part.get_filename)
        if fname:
            payload = safe(lambda: part.get_payload(decode=True))
            files.append({"name": fname, "size": len(payload) if payload is not None else None})
    row["files"] = files
    return row


def main():
    out = os.path.join(os.path.dirname(__file__), "oracle.jsonl")
    rows = []
    for folder in FOLDERS:
        for fname in sorted(os.listdir(os.path.join(MIME, folder))):
            if fname.startswith("LICENSE"):
                continue
            with open(os.path.join(MIME, folder, fname), "rb") as f:
                row = describe(folder + "/" + fname, f.read())
            row.update(CORRECTIONS.get(row["file"], {}))
            rows.append(row)
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(rows)} rows -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
