"""Hostile and malformed requests against every operation of the OpenAPI document, every webhook
and every public page of a running service; counts the answers >= 500. Not a test: run by
bench/fuzz.sh, which starts the service on PostgreSQL."""
import json, random, sys, threading, time, http.client, urllib.parse, collections

base_host, port, total, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(20261201)

HOSTILE = ["", " ", "%20", "0", "-1", "9" * 40, "1e309", "null", "true", "[]", "{}", "\u0000", "%00", "..%2F..%2Fetc",
           "' or 1=1 --", "\"><script>alert(1)</script>", "${jndi:ldap://x}", "\u202e\u0645", "a" * 5000,
           "1234-5678-9012", "0000-0000-0000", "2026-02-30", "2026-13-01", "99999-01-01", "DINKES", "JAMBI",
           "%", "%%", "%ZZ", "\U0001F64F", "NaN", "-0", "0x10", "PT-1S", "P99999999D"]

def hostile():
    return random.choice(HOSTILE)

def mutate(value, depth=0):
    r = random.random()
    if depth > 3 or r < 0.25:
        return random.choice([None, True, -1, 2 ** 63, 1.5e308, hostile(), [], {}, [hostile()], {"x": hostile()}])
    if isinstance(value, dict):
        out = {k: mutate(v, depth + 1) if random.random() < 0.4 else v for k, v in value.items()}
        if random.random() < 0.2:
            out[hostile()[:30]] = hostile()
        return out
    if isinstance(value, list):
        return [mutate(v, depth + 1) for v in value] * random.choice([0, 1, 3])
    return hostile() if random.random() < 0.5 else value

def example(schema, components, depth=0):
    if depth > 6 or schema is None:
        return None
    if "$ref" in schema:
        return example(components.get(schema["$ref"].split("/")[-1]), components, depth + 1)
    t = schema.get("type")
    if "enum" in schema:
        return schema["enum"][0]
    if t == "object" or "properties" in schema:
        return {k: example(v, components, depth + 1) for k, v in schema.get("properties", {}).items()}
    if t == "array":
        return [example(schema.get("items"), components, depth + 1)]
    if t == "integer":
        return 1
    if t == "number":
        return 1.5
    if t == "boolean":
        return False
    fmt = schema.get("format")
    return {"date": "2026-11-20", "date-time": "2026-11-20T10:00:00+07:00", "uuid": "00000000-0000-0000-0000-000000000000"}.get(fmt, "teks")

def request(method, path, body=None, headers=None):
    # header values travel as ISO-8859-1: what cannot is sent as its UTF-8 bytes read as Latin-1
    headers = {k: v.encode("utf-8", "surrogatepass").decode("latin-1") for k, v in (headers or {}).items()}
    path = path if path.isascii() else urllib.parse.quote(path, safe="/%?=&:+;,")
    connection = http.client.HTTPConnection(base_host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    except Exception as failure:
        return "error:" + type(failure).__name__
    finally:
        connection.close()

def main():
    status, docs = 0, None
    for _ in range(3):
        connection = http.client.HTTPConnection(base_host, port, timeout=30)
        connection.request("GET", "/v3/api-docs")
        answer = connection.getresponse()
        docs = json.loads(answer.read())
        break
    components = docs.get("components", {}).get("schemas", {})
    operations = []
    for path, item in docs["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            body = None
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                body = example(media.get("schema"), components)
                break
            operations.append((method.upper(), path, operation.get("parameters", []), body))
    webhooks = ["/webhooks/whatsapp", "/webhooks/instagram", "/webhooks/x", "/webhooks/telegram", "/webhooks/sms"]
    pages = ["/", "/lapor", "/lacak", "/laporan", "/masuk", "/daftar", "/akun", "/petugas", "/admin", "/simulator",
             "/laporan/1234-5678-9012", "/petugas/laporan/1234-5678-9012", "/lacak?kode=", "/keluar"]
    print(f"{len(operations)} API operations, {len(webhooks)} webhooks, {len(pages)} pages", flush=True)

    counts = collections.Counter()
    failures = collections.Counter()
    lock = threading.Lock()
    done = [0]

    def one():
        kind = random.random()
        headers = {}
        if random.random() < 0.3:
            headers["Authorization"] = random.choice(["Bearer " + hostile()[:200], "Basic Zm9vOmJhcg==", "Bearer a.b.c"])
        if random.random() < 0.2:
            headers["Accept-Language"] = random.choice(["en", "xx", hostile()[:50], "*;q=bad"])
        if kind < 0.6:
            method, path, parameters, body = random.choice(operations)
            concrete = path
            query = {}
            for parameter in parameters:
                value = hostile() if random.random() < 0.7 else "1"
                if parameter.get("in") == "path":
                    concrete = concrete.replace("{" + parameter["name"] + "}", urllib.parse.quote(value, safe="%"))
                elif parameter.get("in") == "query" and random.random() < 0.7:
                    query[parameter["name"]] = value
                elif parameter.get("in") == "header" and random.random() < 0.7:
                    headers[parameter["name"]] = value.encode("latin-1", "ignore").decode("latin-1")[:200]
            if query:
                concrete += "?" + urllib.parse.urlencode(query)
            payload = None
            if body is not None or method in ("POST", "PUT", "PATCH"):
                shape = random.random()
                if shape < 0.6:
                    payload = json.dumps(mutate(body)).encode()
                elif shape < 0.7:
                    payload = json.dumps(mutate(body)).encode()[: random.randint(0, 50)]
                elif shape < 0.8:
                    payload = b"\xff\xfe\xfa" + bytes(random.getrandbits(8) for _ in range(64))
                elif shape < 0.9:
                    payload = ("[" * 3000 + "]" * 3000).encode()
                else:
                    payload = b"{" + b'"a":"' + b"x" * 200_000 + b'"}'
                headers["Content-Type"] = random.choice(["application/json", "application/json", "text/plain",
                                                         "application/xml", "multipart/form-data; boundary=x", hostile()[:40] or "x"])
            status = request(method, concrete, payload, headers)
            target = method + " " + path
        elif kind < 0.8:
            path = random.choice(webhooks)
            payload = random.choice([b"", b"{}", b"[]", b"null", json.dumps(mutate({"object": "whatsapp_business_account",
                "entry": [{"changes": [{"value": {"messages": [{"from": "1", "id": "x", "type": "text"}]}}]}],
                "update_id": 1, "for_user_id": "1"})).encode(), bytes(random.getrandbits(8) for _ in range(100))])
            headers.update(random.choice([{}, {"X-Hub-Signature-256": "sha256=" + "0" * 64},
                                          {"x-twitter-webhooks-signature": "sha256=" + hostile()[:50]},
                                          {"X-Telegram-Bot-Api-Secret-Token": hostile()[:50]}, {"X-Signature": hostile()[:50]}]))
            if random.random() < 0.3:
                status = request("GET", path + "?" + urllib.parse.urlencode({"crc_token": hostile()[:300],
                    "hub.mode": "subscribe", "hub.verify_token": hostile()[:50], "hub.challenge": hostile()[:50]}), None, headers)
            else:
                headers["Content-Type"] = "application/json"
                status = request("POST", path, payload, headers)
            target = "webhook " + path
        else:
            path = random.choice(pages)
            if random.random() < 0.5:
                status = request("GET", path + ("&" if "?" in path else "?") + urllib.parse.urlencode({"kode": hostile()[:100],
                    "lang": hostile()[:20], "status": hostile()[:20], "q": hostile()[:200]}), None, headers)
            else:
                form = urllib.parse.urlencode({k: hostile()[:500] for k in ["type", "title", "description", "kode", "kunci",
                    "username", "password", "email", "phone", "_csrf", "key", "occurredOn", "anonymous"]})
                headers["Content-Type"] = random.choice(["application/x-www-form-urlencoded", "multipart/form-data; boundary=zz"])
                status = request("POST", path, form.encode(), headers)
            target = "page " + path
        with lock:
            counts[status if isinstance(status, str) else status // 100 * 100] += 1
            if (isinstance(status, str) and not status.startswith("error:BadStatusLine")) or (
                    not isinstance(status, str) and status >= 500):
                failures[(target, status)] += 1
            done[0] += 1

    def worker(share):
        for _ in range(share):
            try:
                one()
            except Exception as failure:  # a request this script could not even build
                with lock:
                    counts["unsent:" + type(failure).__name__] += 1

    started = time.time()
    pool = [threading.Thread(target=worker, args=(total // threads,)) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    took = time.time() - started
    print(f"{done[0]} requests in {took:.0f} s ({done[0] / took:.0f}/s)")
    print("answers by class:", dict(sorted(counts.items(), key=lambda kv: str(kv[0]))))
    print(f"answers >= 500 or no answer: {sum(failures.values())}")
    for (target, status), n in failures.most_common(30):
        print(f"  {n:6d}  {status}  {target}")

main()
