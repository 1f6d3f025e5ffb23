# Loaded by `cargo xtask test` into schemathesis (SCHEMATHESIS_HOOKS).
#
# The API's contract says an Idempotency-Key is unique per submission: the same key with
# another body is refused (422), as the IETF draft asks. Schemathesis reuses the same example
# key for many different bodies, so every generated key that is valid is made unique here,
# the way a real client makes one. Keys that are not valid (too short, bad characters) are
# left as generated, so that their refusal is still tested.
import re
import uuid

import schemathesis

VALID_KEY = re.compile(r"^[!-~]{16,200}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers or {}
    for name in list(headers):
        if name.lower() == "idempotency-key" and isinstance(headers[name], str) and VALID_KEY.match(headers[name]):
            headers[name] = f"st-{uuid.uuid4()}"
    return None
