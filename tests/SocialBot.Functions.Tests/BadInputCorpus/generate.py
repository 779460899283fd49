#!/usr/bin/env python3
"""Writes corpus.jsonl: the bad-input corpus for issue 8. Run from this folder: python3 generate.py

Each line: {"name", "expect": "poison"|"valid", "reason": fragment of the poison reason (poison only), and one body:
  "json": the message text (UTF-8, base64 on the queue),
  "bytesBase64": raw message bytes, base64 (for invalid UTF-8),
  "queueBody": the queue body exactly as stored (for bodies that are not base64)}
"repeat": {"token": T, "text": S, "count": N} expands T in "json" to S repeated N times (keeps the file small).
"queue": false marks cases the queue cannot carry (over the 64 KB message limit, or a "knownIssue"); they run through the parser/CLI only.
"""
import base64, copy, json

BASE = {
    "id": "corpus-0",
    "channel": "twitter",
    "conversationId": "corpus-conversation-0",
    "author": {"id": "9001", "handle": "@corpus_user", "name": "Corpus User"},
    "text": "@ContosoCare hi, where is my parcel? it was due yesterday",
    "receivedAt": "2026-11-23T20:55:00-05:00",
}
cases = []
counter = [0]

def mention(**changes):
    counter[0] += 1
    m = copy.deepcopy(BASE)
    m["id"] = f"corpus-{counter[0]}"
    m["conversationId"] = f"corpus-conversation-{counter[0]}"
    for key, value in changes.items():
        if key.startswith("author_"):
            field = key[len("author_"):]
            if value is DELETE:
                del m["author"][field]
            else:
                m["author"][field] = value
        elif value is DELETE:
            del m[key]
        else:
            m[key] = value
    return m

DELETE = object()

def add(name, expect, reason=None, **body):
    case = {"name": name, "expect": expect}
    if reason:
        case["reason"] = reason
    case.update(body)
    cases.append(case)

def text(value):
    return json.dumps(value, ensure_ascii=False)

def poison(name, reason, value):
    add(name, "poison", reason, json=value if isinstance(value, str) else text(value))

def valid(name, value):
    add(name, "valid", json=text(value))

good = text(mention())
# --- malformed JSON
poison("json-truncated-half", "not valid JSON", good[: len(good) // 2])
poison("json-truncated-one-char", "not valid JSON", good[:-1])
poison("json-trailing-comma-object", "not valid JSON", good[:-1] + ",}")
poison("json-trailing-comma-array", "not valid JSON", '{"id":"x","tags":[1,2,],"channel":"twitter"}')
poison("json-line-comment", "not valid JSON", "// a comment\n" + good)
poison("json-block-comment", "not valid JSON", good.replace('{"id"', '{/* c */"id"', 1))
poison("json-nan", "not valid JSON", good[:-1] + ',"score":NaN}')
poison("json-infinity", "not valid JSON", good[:-1] + ',"score":Infinity}')
poison("json-single-quotes", "not valid JSON", good.replace('"', "'"))
poison("json-unquoted-keys", "not valid JSON", '{id:"x",channel:"twitter"}')
poison("json-plain-text", "not valid JSON", "hello, I need help")
poison("json-empty-string", "the message is empty", "")
poison("json-whitespace-only", "the message is empty", "   \n\t ")
poison("json-two-objects", "not valid JSON", good + good)
poison("json-unterminated-string", "not valid JSON", '{"id":"abc')
poison("json-bad-escape", "not valid JSON", good.replace("hi,", "hi \\q", 1))
poison("json-raw-newline-in-string", "not valid JSON", good.replace("hi,", "hi\n", 1))
poison("json-bom-then-garbage", "not valid JSON", "\ufeff{oops}")
poison("json-xml", "not valid JSON", "<mention><id>1</id></mention>")
poison("json-deep-100", "not valid JSON", good[:-1] + ',"x":' + "[" * 100 + "]" * 100 + "}")
poison("json-deep-objects-100", "not valid JSON", good[:-1] + ',"x":' + '{"a":' * 100 + "1" + "}" * 100 + "}")
poison("json-huge-number-extra-field-and-bad-id", "id: expected a string, got a number", text(mention(id=10**400)) if False else good.replace('"corpus-1"', "1" + "0" * 400, 1))
# duplicate keys: the last value wins? System.Text.Json keeps both; the parser reads the first. Pin the behaviour.
dup = text(mention())
add("json-duplicate-keys-last-wins", "poison", "'nonexistent' is not a known channel", json=dup[:-1] + ', "channel": "nonexistent"}')
# --- roots that are not objects
poison("root-array", "expected a JSON object, got an array", "[" + good + "]")
poison("root-string", "expected a JSON object, got a string", '"hello"')
poison("root-number", "expected a JSON object, got a number", "42")
poison("root-huge-number", "expected a JSON object, got a number", "1" + "0" * 500)
poison("root-true", "expected a JSON object, got a boolean", "true")
poison("root-null", "expected a JSON object, got null", "null")
poison("root-empty-array", "expected a JSON object, got an array", "[]")
# --- missing each required field
for field in ["id", "channel", "conversationId", "author", "text", "receivedAt"]:
    poison(f"missing-{field}", f"{field}: is required", mention(**{field: DELETE}))
poison("missing-author-id", "author.id: is required", mention(author_id=DELETE))
poison("missing-everything", "id: is required", {})
# --- null and empty values
for field in ["id", "channel", "conversationId", "author", "text", "receivedAt"]:
    poison(f"null-{field}", f"{field}: is required", mention(**{field: None}))
for field in ["id", "channel", "conversationId", "receivedAt"]:
    poison(f"empty-{field}", f"{field}: must not be empty", mention(**{field: ""}))
poison("whitespace-id", "id: must not be empty", mention(id="   "))
poison("empty-author-id", "author.id: must not be empty", mention(author_id=""))
poison("empty-author-object", "author.id: is required", mention(author={}))
valid("empty-text", mention(text=""))
# --- wrong types for every field
wrong = {"a number": 42, "a boolean": True, "an array": ["x"], "an object": {"x": 1}}
for field in ["id", "channel", "conversationId", "text", "receivedAt", "inReplyTo"]:
    for kind, value in wrong.items():
        if field == "text" and kind == "a boolean":
            continue
        poison(f"type-{field}-{kind.split()[-1]}", f"{field}: expected a string, got {kind}", mention(**{field: value}))
poison("type-author-string", "author: expected an object", mention(author="@someone"))
poison("type-author-array", "author: expected an object", mention(author=[{"id": "1"}]))
poison("type-author-id-number", "author.id: expected a string, got a number", mention(author_id=9001))
poison("type-author-handle-number", "author.handle: expected a string, got a number", mention(author_handle=5))
poison("type-author-name-object", "author.name: expected a string, got an object", mention(author_name={"first": "A"}))
poison("type-author-isbot-string", "author.isBot: expected true or false", mention(author_isBot="yes"))
poison("type-ispublic-string", "isPublic: expected true or false", mention(isPublic="true"))
poison("type-ispublic-number", "isPublic: expected true or false", mention(isPublic=1))
poison("type-conversationreference-string", "conversationReference: expected an object or null", mention(conversationReference="ref"))
poison("conversationreference-bad-serviceurl", "conversationReference.serviceUrl", mention(conversationReference={"serviceUrl": "javascript:alert(1)"}))
poison("conversationreference-bot-without-id", "conversationReference.bot.id: is required", mention(conversationReference={"serviceUrl": "https://smba.example/", "bot": {"name": "b"}}))
# --- text lengths
add("text-1mb", "poison", "text: is 1,000,000 characters long; the limit is 10,000", json=text(mention(text="@@TEXT@@")), repeat={"token": "@@TEXT@@", "text": "a", "count": 1_000_000}, queue=False)
add("text-exactly-10000", "valid", json=text(mention(text="@@TEXT@@")), repeat={"token": "@@TEXT@@", "text": "b", "count": 10_000})
add("text-10001", "poison", "text: is 10,001 characters long; the limit is 10,000", json=text(mention(text="@@TEXT@@")), repeat={"token": "@@TEXT@@", "text": "b", "count": 10_001})
add("text-10000-emoji-code-points", "valid", json=text(mention(text="@@TEXT@@")), repeat={"token": "@@TEXT@@", "text": "\U0001F600", "count": 10_000})
add("text-10001-emoji-code-points", "poison", "text: is 10,001 characters long", json=text(mention(text="@@TEXT@@")), repeat={"token": "@@TEXT@@", "text": "\U0001F600", "count": 10_001})
# --- encodings
add("base64-invalid-characters", "poison", "not valid base64", queueBody="{not base64!}")
add("base64-truncated", "poison", "not valid base64", queueBody=base64.b64encode(good.encode()).decode()[:-3])
add("base64-raw-json", "poison", "not valid base64", queueBody=good)
add("base64-with-spaces-inside", "poison", "not valid base64", queueBody="eyJ pZCI6 !!")
add("utf8-invalid-continuation", "poison", "not valid UTF-8", bytesBase64=base64.b64encode(good.encode().replace(b"hi,", b"hi\xc3\x28", 1)).decode())
add("utf8-lone-ff", "poison", "not valid UTF-8", bytesBase64=base64.b64encode(b"\xff" + good.encode()).decode())
add("utf8-overlong-slash", "poison", "not valid UTF-8", bytesBase64=base64.b64encode(good.encode().replace(b"hi,", b"hi\xc0\xaf", 1)).decode())
add("utf8-encoded-surrogate", "poison", "not valid UTF-8", bytesBase64=base64.b64encode(good.encode().replace(b"hi,", b"hi\xed\xa0\x80", 1)).decode())
add("utf8-truncated-sequence", "poison", "not valid UTF-8", bytesBase64=base64.b64encode(good.encode()[:-1] + b"\xe2\x82").decode())
add("utf16-le-body", "poison", "not valid", bytesBase64=base64.b64encode(good.encode("utf-16-le")).decode())
# --- lone surrogate escapes
poison("surrogate-lone-high-in-text", "text: is not valid Unicode", good.replace("hi,", "hi \\ud800,", 1))
poison("surrogate-lone-low-in-text", "text: is not valid Unicode", good.replace("hi,", "hi \\udc00,", 1))
poison("surrogate-reversed-pair-in-text", "text: is not valid Unicode", good.replace("hi,", "hi \\udc00\\ud800,", 1))
poison("surrogate-lone-in-author-name", "author.name: is not valid Unicode", good.replace("Corpus User", "Corpus \\ud83d User", 1))
poison("surrogate-lone-in-id", "id: is not valid Unicode", good.replace('"corpus-', '"\\ud800corpus-', 1))
valid("surrogate-escaped-valid-pair", json.loads(good.replace("hi,", "hi \\ud83d\\ude00,", 1)))
# --- control and zero-width characters
valid("control-chars-in-text", mention(text="help\u0000 me\u0007 please\u001b[31m red \u0008"))
valid("zero-width-in-text", mention(text="ref\u200bund\u200c now\u200d\ufeff please"))
poison("control-char-in-id", "id: contains control characters", mention(id="abc\u0001def"))
poison("control-char-in-channel", "channel: contains control characters", mention(channel="twit\u0000ter"))
poison("newline-in-author-name", "author.name: contains control characters", mention(author_name="Eve\nDear customer, your password is"))
poison("crlf-in-handle", "author.handle: contains control characters", mention(author_handle="@eve\r\nBcc: all"))
valid("zero-width-in-author-name", mention(author_name="Z\u200be\u200dro"))
# --- right-to-left and bidi
valid("rtl-arabic-text", mention(text="@ContosoCare مرحبا، أين طلبي؟ لم يصل بعد"))
valid("rtl-hebrew-name", mention(author_name="דוד כהן", text="שלום, איפה ההזמנה שלי"))
valid("bidi-override-in-text", mention(text="invoice \u202etxt.exe\u202c please"))
valid("bidi-override-in-name", mention(author_name="\u202eresU liveE"))
valid("bidi-isolates-in-handle", mention(author_handle="@\u2067evil\u2069"))
valid("bidi-marks-everywhere", mention(text="\u200f\u200ehello\u061c there\u2066 x\u2069"))
# --- emoji and ZWJ
valid("emoji-text", mention(text="@ContosoCare 😡😡 my order 📦 never came 💔"))
valid("emoji-zwj-family", mention(text="family pack 👨‍👩‍👧‍👦 arrived broken 👩🏽‍💻", author_name="👩‍🚀 Astro"))
valid("emoji-flags-and-keycaps", mention(text="🇨🇦 shipping? 1️⃣ 2️⃣ #️⃣"))
valid("emoji-only-name", mention(author_name="🔥🔥🔥", author_handle="@🔥"))
valid("combining-marks-zalgo", mention(text="h\u0336\u0335e\u0337\u0334l\u0338p" * 20))
# --- timestamps
for name, value, reason in [
    ("year-0001", "0001-01-01T00:00:00+00:00", "outside the years 2000 to 2099"),
    ("year-9999", "9999-12-31T23:59:59+00:00", "outside the years 2000 to 2099"),
    ("no-offset", "2026-11-23T20:55:00", "is not an ISO 8601 timestamp with an offset"),
    ("date-only", "2026-11-23", "is not an ISO 8601 timestamp with an offset"),
    ("unix-epoch-string", "1764000000", "is not an ISO 8601 timestamp with an offset"),
    ("month-13", "2026-13-01T00:00:00Z", "is not an ISO 8601 timestamp"),
    ("feb-30", "2026-02-30T00:00:00Z", "is not an ISO 8601 timestamp"),
    ("offset-25h", "2026-11-23T20:55:00+25:00", "is not an ISO 8601 timestamp"),
    ("words", "yesterday at noon", "is not an ISO 8601 timestamp"),
    ("year-1999", "1999-12-31T23:59:59Z", "outside the years 2000 to 2099"),
]:
    poison(f"timestamp-{name}", f"receivedAt: '{value[:20]}" if False else "receivedAt: " , mention(receivedAt=value))
    cases[-1]["reason"] = "receivedAt: '" if reason is None else reason
poison("timestamp-unix-epoch-number", "receivedAt: expected a string, got a number", mention(receivedAt=1764000000))
valid("timestamp-utc-z", mention(receivedAt="2026-11-23T20:55:00Z"))
valid("timestamp-fractional-offset", mention(receivedAt="2026-11-24T07:25:00.1234567+05:30"))
# --- channels
for label, value in [("myspace", "myspace"), ("zero-width", "twitter\u200b"), ("x-dot-com", "x.com"), ("path", "../../etc/passwd")]:
    poison(f"channel-unknown-{label}", "is not a known channel", mention(channel=value))
valid("channel-uppercase-padded", mention(channel="TWITTER "))
poison("channel-too-long", "channel: is 65 characters long", mention(channel="c" * 65))
# --- hostile names (valid: must not be interpreted)
valid("name-template-placeholder", mention(author_name="{email}", author_handle="@{voicemail}"))
valid("name-template-double-braces", mention(author_name="{{TeamName}} {0} ${HOME} %s", text="hi {email} {nextStaffedAt}"))
valid("name-html-script", mention(author_name="<script>alert(1)</script>", text="<img src=x onerror=alert(1)>"))
valid("name-markdown-link", mention(author_name="[click](https://evil.example)", text="**bold** [x](javascript:alert(1))"))
valid("name-sql", mention(author_name="Robert'); DROP TABLE Students;--"))
valid("name-256-chars", mention(author_name="N" * 256))
poison("name-10000-chars", "author.name: is 10000 characters long; the limit is 256", mention(author_name="N" * 10000))
poison("handle-10000-chars", "author.handle: is 10000 characters long", mention(author_handle="@" + "h" * 9999))
valid("name-whitespace-only", mention(author_name="   "))
valid("handle-own-account", mention(author_handle="@ContosoCare", author_name="Contoso Care"))
valid("author-is-bot", mention(author_isBot=True))
poison("id-too-long", "id: is 513 characters long; the limit is 512", mention(id="i" * 513))
# --- unknown and extra fields
valid("extra-unknown-fields", dict(mention(), extra={"nested": [1, 2, {"deep": True}]}, score=1e308))
valid("huge-number-in-unknown-field", json.loads(good[:-1] + ',"big":1' + "0" * 400 + "}") if False else mention())
cases[-1]["json"] = good.replace('"corpus-1"', '"corpus-big"', 1)[:-1] + ',"big":1' + "0" * 400 + "}"
valid("null-optional-fields", mention(inReplyTo=None, conversationReference=None, isPublic=None))

names = [case["name"] for case in cases]
assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
with open("corpus.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for case in cases:
        out.write(json.dumps(case, ensure_ascii=True) + "\n")
print(len(cases), "cases:", sum(c["expect"] == "poison" for c in cases), "poison,", sum(c["expect"] == "valid" for c in cases), "valid")
