#!/usr/bin/env python3
"""Files reports through a URL for a while, from several threads, and says what came back.

    python3 bench/load.py URL SECONDS THREADS CODES_FILE

Prints one JSON line: requests, by status, errors (no answer at all); writes the tracking code
of every report acknowledged (201) to CODES_FILE, one per line.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request

url, seconds, threads, codes_file = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
body = json.dumps({"type": "COMPLAINT", "title": "Lampu jalan mati di Jl. Gatot Subroto",
                   "description": "Sudah seminggu lampu jalan mati, gelap dan rawan.",
                   "reporter": {"phone": "081234567890"}}).encode()
lock = threading.Lock()
statuses, errors, codes = {}, [], []
stop = time.time() + seconds


def work():
    while time.time() < stop:
        request = urllib.request.Request(url + "/api/v1/reports", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, text = answer.status, answer.read()
        except urllib.error.HTTPError as refused:
            status, text = refused.code, b""
        except Exception as failure:  # no answer at all
            with lock:
                errors.append(type(failure).__name__ + ": " + str(failure)[:120])
            continue
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201:
                codes.append(json.loads(text)["trackingCode"])


workers = [threading.Thread(target=work) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
with open(codes_file, "w") as out:
    out.write("\n".join(codes) + "\n")
print(json.dumps({"requests": sum(statuses.values()) + len(errors), "statuses": statuses,
                  "errors": len(errors), "firstErrors": errors[:5]}))
